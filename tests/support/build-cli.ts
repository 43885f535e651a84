import { buildCli, cliBuildIsStale } from '../../scripts/build.mjs';

// Vitest's global setup: tests that spawn bin/rapport.js run dist/, so it is rebuilt first whenever any source is
// newer (esbuild, about a second); the test processes then never race to rebuild it themselves.
export default async function setup(): Promise<void> {
  if (cliBuildIsStale()) await buildCli();
}
