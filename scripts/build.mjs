// `npm run build` (and `prepare`, so `npm install` and `npm pack` run it): the CLI as one JavaScript file,
// dist/rapport.cjs, and the web app in web/dist. Plain JavaScript on purpose: it runs before anything is compiled,
// and bin/rapport.js calls buildCli() itself when a checkout's sources are newer than dist/, so a stale dist never runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(ROOT, 'dist', 'rapport.cjs');
export const HELP_PAGES = join(ROOT, 'dist', 'help.json');
const WEB_DIR = join(ROOT, 'web');
const WEB_INDEX = join(WEB_DIR, 'dist', 'index.html');

// Native addons and optional drivers stay outside the bundle: npm installs them as dependencies. Vite is listed
// only so a stray import fails the build's guard test rather than pulling a build tool into the CLI. The MCP SDK
// (with ajv, ~350 KB) serves `rapport mcp` alone: outside, every other command's start-up does not read it.
export const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'vite', '@modelcontextprotocol/sdk'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

// dist/ is stale when it is missing or a source or this script changed after it. (New dependencies come with
// `npm install`, whose `prepare` rebuilds.)
export function cliBuildIsStale() {
  const built = Math.min(mtime(CLI_BUNDLE), mtime(HELP_PAGES));
  if (built === 0) return true;
  const inputs = [join(ROOT, 'src'), fileURLToPath(import.meta.url)];
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

// commander requires node:child_process when it loads, for executable subcommands, which Rapport has none of;
// loading it (with net, dgram and their bindings) was ~10 ms of every start. In the bundle commander gets a stand-in
// that loads the real module on first use.
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'commander-lazy-child-process' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'commander-lazy-child-process' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };", loader: 'js',
    }));
  },
};

// One CommonJS file with third-party JavaScript inside: resolving hundreds of files under node_modules costs more at
// start-up than the code itself. CommonJS because Node 20 can cache V8's compiled code only for a vm.Script (see
// bin/rapport.js), which halves start-up. A module imported with `await import()` is still evaluated only when
// its command runs (esbuild wraps it), so `rapport today` never evaluates the server, importers or analysis.
export function cliBuildOptions() {
  return {
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    plugins: [zodEnglishOnly, commanderLazyChildProcess],
    metafile: true,
    minify: true,
    logLevel: 'warning',
    // The sources are ES modules; in CommonJS import.meta.url becomes the bundle's own URL.
    define: { 'import.meta.url': '__rapportModuleUrl' },
    banner: { js: "const __rapportModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
}

export async function buildCli() {
  const { build } = await import('esbuild');
  // Written beside and renamed into place, so a CLI starting meanwhile reads the old bundle or the new, never half.
  const options = cliBuildOptions();
  const partial = `${options.outfile}.${process.pid}.partial`;
  mkdirSync(dirname(options.outfile), { recursive: true });
  const { metafile } = await build({ ...options, outfile: partial });
  // The help pages first: a bundle newer than the sources then always has its pages beside it.
  await writeHelpPages(build, options);
  renameSync(partial, options.outfile);
  // A first run writes V8's code cache for this Node (bin/rapport.js); the cache holds every function that run
  // compiled, and V8 reads all of it on each start. So the run is `today` on a database already brought up to date:
  // the migrations, which a user's file needs once per upgrade, stay out of what every `today` reads. Caches of the
  // previous bundle go first (V8 checks little more than the source's length). Other Node versions write their own.
  const removeCaches = () => {
    for (const f of readdirSync(dirname(options.outfile))) if (/^rapport\.cjs\..*\.v8cache$/.test(f)) rmSync(join(dirname(options.outfile), f));
  };
  removeCaches();
  const warmDir = mkdtempSync(join(tmpdir(), 'rapport-build-'));
  try {
    const env = { ...process.env, RAPPORT_DB: join(warmDir, 'warm.db'), NO_COLOR: '1' };
    for (const run of ['migrates the new file', 'writes the cache']) {
      const warm = spawnSync(process.execPath, [join(ROOT, 'bin', 'rapport.js'), 'today'], { env, encoding: 'utf8' });
      if (warm.status !== 0) throw new Error(`the built CLI failed its first run (rapport today on a new database, the run that ${run}): ${warm.stderr}`);
      if (run === 'migrates the new file') removeCaches();
    }
  } finally {
    rmSync(warmDir, { recursive: true, force: true });
  }
  return metafile;
}

// `rapport --help` (and `rapport contact --help`, …) printed by bin/rapport.js from dist/help.json: the same text
// commander prints to a pipe, taken from the same program at build time, so asking for help costs a Node start
// and one small file rather than evaluating the whole CLI.
async function writeHelpPages(build, options) {
  const { outputFiles } = await build({ ...options, entryPoints: [join(ROOT, 'src', 'cli', 'help-pages.ts')], write: false, metafile: false, minify: false });
  const mod = { exports: {} };
  const requireHere = createRequire(join(ROOT, 'dist', 'help-pages.cjs'));
  new Function('module', 'exports', 'require', '__filename', outputFiles[0].text)(mod, mod.exports, requireHere, join(ROOT, 'dist', 'help-pages.cjs'));
  const partial = `${HELP_PAGES}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify({ width: mod.exports.HELP_WIDTH, pages: await mod.exports.helpPages() }));
  renameSync(partial, HELP_PAGES);
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
    console.error(`rapport: built dist/ in ${Math.round(performance.now() - started)} ms`);
  }
  if (both || args.has('--web')) {
    const webStarted = performance.now();
    if (await buildWeb({ force: args.has('--force') })) console.error(`rapport: built web/dist in ${Math.round(performance.now() - webStarted)} ms`);
  }
}
