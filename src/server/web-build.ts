import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-info.ts';

export const REPO_ROOT = PACKAGE_ROOT;
export const WEB_DIR = join(REPO_ROOT, 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');
export const WEB_INDEX = join(WEB_DIST, 'index.html');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

// Stale when web/dist is missing or anything the bundle is made from changed after it was built. An installed
// package ships web/dist without web/src, so it is never stale there. The build itself is scripts/build.mjs:
// the server never loads Vite.
export function webBuildIsStale(): boolean {
  if (!existsSync(WEB_INDEX)) return true;
  const built = statSync(WEB_INDEX).mtimeMs;
  const sources = [join(WEB_DIR, 'src'), join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.ts')].filter((p) => existsSync(p));
  return sources.some((p) => newestMtime(p) > built);
}

export const WEB_BUILD_HINT = `build it with \`npm run build\` in ${REPO_ROOT} (npm install does it once)`;
