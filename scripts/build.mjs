// `npm run build` (and `prepare`, so `npm install` and `npm pack` run it): the CLI as JavaScript in dist/, and the web
// app in web/dist. Plain JavaScript on purpose: it runs before anything is compiled, and bin/rapport.js calls
// buildCli() itself when a checkout's sources are newer than dist/, so a stale dist never runs.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_ENTRY = join(ROOT, 'dist', 'cli', 'main.js');
const WEB_DIR = join(ROOT, 'web');
const WEB_INDEX = join(WEB_DIR, 'dist', 'index.html');

// Native addons and optional drivers stay outside the bundle: npm installs them as dependencies. Vite is listed
// only so a stray import fails the build's guard test rather than pulling a build tool into the CLI.
export const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'vite'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

// dist/ is stale when it is missing or anything it is made from (sources, lock file, this script) changed after it.
export function cliBuildIsStale() {
  const built = mtime(CLI_ENTRY);
  if (built === 0) return true;
  const inputs = [join(ROOT, 'src'), join(ROOT, 'package.json'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];
  return inputs.some((p) => newestMtime(p) > built);
}

export function webBuildIsStale() {
  const built = mtime(WEB_INDEX);
  if (built === 0) return true;
  const inputs = [join(WEB_DIR, 'src'), join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.ts')];
  return inputs.some((p) => newestMtime(p) > built);
}

// zod's `z` namespace re-exports every locale (~40 languages, a third of its size), and a namespace cannot be
// tree-shaken; Rapport speaks English, which zod loads by itself, so `z.locales` holds English alone here.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';", resolveDir: ROOT, loader: 'js',
    }));
  },
};

// One ESM bundle per entry, split at every dynamic import(), so a command loads only what it uses. Third-party
// JavaScript is bundled too: resolving hundreds of files under node_modules costs more at start-up than parsing them.
export function cliBuildOptions() {
  return {
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outdir: join(ROOT, 'dist'),
    outbase: join(ROOT, 'src'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    plugins: [zodEnglishOnly],
    metafile: true,
    minify: true,
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS packages (pg, commander) call require() for Node's own modules.
    banner: { js: "import { createRequire as __rapportRequire } from 'node:module'; const require = __rapportRequire(import.meta.url);" },
  };
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const options = cliBuildOptions();
  rmSync(options.outdir, { recursive: true, force: true });
  return (await build(options)).metafile;
}

// Vite builds the web app; it is a build tool, never loaded by `rapport serve`.
export async function buildWeb({ force = false } = {}) {
  if (!force && !webBuildIsStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = new Set(process.argv.slice(2));
  const both = !args.has('--cli') && !args.has('--web');
  const started = performance.now();
  if (both || args.has('--cli')) {
    await buildCli();
    console.log(`rapport: built dist/ in ${Math.round(performance.now() - started)} ms`);
  }
  if (both || args.has('--web')) {
    const webStarted = performance.now();
    if (await buildWeb({ force: args.has('--force') })) console.log(`rapport: built web/dist in ${Math.round(performance.now() - webStarted)} ms`);
  }
}
