// Run by import-kill.test.ts in its own process: imports a file into a SQLite database file and says on stdout
// how far it has written, so the test can kill it -9 in the middle of the transaction.
import { readFileSync } from 'node:fs';
import { systemClock } from '../src/domain/clock.ts';
import { importInput, runImport } from '../src/services/import.service.ts';
import { parseInput } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';

const [dbPath, file] = process.argv.slice(2) as [string, string];
const store = await openStore({ location: dbPath });
const input = parseInput(importInput, { content: readFileSync(file).toString('base64'), base64: true, filename: file });
// Says "written N" once the contacts are in (uncommitted), while interactions and due dates are still to come.
await store.transaction((tx) => runImport({ store: tx, clock: systemClock }, input, {
  write: true,
  onProgress: (done, _total, phase) => {
    if (phase === 'writing' && done > 0) process.stdout.write(`written ${done}\n`);
  },
}));
process.stdout.write('done\n');
await store.close();
