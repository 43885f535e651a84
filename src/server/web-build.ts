import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIR = join(REPO_ROOT, 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

// Stale when web/dist is missing or anything the bundle is made from changed after it was built.
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [join(WEB_DIR, 'src'), join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.ts')].filter((p) => existsSync(p));
  return sources.some((p) => newestMtime(p) > built);
}

// Vite is a build tool, loaded only when a build is needed, so serving a built app never imports it.
export async function ensureWebBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!webBuildIsStale()) return;
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`cannot build the web app: ${join(WEB_DIR, 'index.html')} is missing`);
  log('Building the web app (once, ~5 s)…');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
}
