import { fileURLToPath } from 'node:url';
import { buildCli, cliBuildIsStale } from '../../scripts/build.mjs';
import { CORPUS_ROOT, corpusPresent } from './fixtures.ts';

// Vitest's global setup, once per run. Tests that spawn bin/rapport.js run dist/, so it is rebuilt first whenever
// any source is newer (esbuild, about a second) and the test processes never race to rebuild it themselves.
// CI always runs the outside corpus as well as the project's own fixtures, so there its absence fails the run.
export default async function setup(): Promise<void> {
  if (process.env.CI && !corpusPresent()) {
    throw new Error(`CI runs the outside test corpus, and it is missing at ${fileURLToPath(CORPUS_ROOT)}: put it in ../shared/fixtures beside the checkout, or set RAPPORT_FIXTURES`);
  }
  if (cliBuildIsStale()) await buildCli();
}
