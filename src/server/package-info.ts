import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The folder holding Rapport's package.json, found by walking up: the same answer from src/ (tests), from the
// bundled dist/ (a checkout or a global install), wherever the bundler put this module.
function findPackageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rapport') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find Rapport's package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot();

export const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
