// Run by write-burst-kill.test.ts in its own process: writes contacts one transaction at a time, as fast as it
// can, into a SQLite file, and says on stdout which ones are committed, until it is killed.
import { fixedClock } from '../src/domain/clock.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';

const [dbPath] = process.argv.slice(2) as [string];
const store = await openStore({ location: dbPath });
const ctx = { store, clock: fixedClock('2026-11-23T12:00:00.000Z') };
for (let i = 0; ; i++) {
  const { contact } = await runOperation(ctx, contactCreate, { name: `Burst Person ${i}`, emails: [`burst${i}@example.org`], tags: ['burst'], notes: 'x'.repeat(2000) });
  process.stdout.write(`ack ${contact.id} ${contact.name}\n`);
}
