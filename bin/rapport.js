#!/usr/bin/env node
// Runs the compiled CLI (dist/, built at `npm install` by `prepare`). In a checkout, where src/ sits beside it,
// dist/ is rebuilt first if any source is newer, so edited code never runs stale; an installed package has no src/.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { buildCli, cliBuildIsStale } = await import('../scripts/build.mjs');
  if (cliBuildIsStale()) {
    process.stderr.write('rapport: sources changed since the last build; rebuilding dist/ (npm run build)\n');
    await buildCli();
  }
}
await import('../dist/cli/main.js');
