import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import { runRapport } from './support/cli.ts';

const ESC = '\x1b';
const BEL = '\x07';
// A window-title change and a clear-screen in a name, a one-byte CSI (C1) in the notes, a colour in the organisation.
const NAME = `Mallory ${ESC}]0;owned${BEL}Evans${ESC}[2J`;
const NOTES = 'met at \x9b2J the fair';
const ORG = `Acme ${ESC}[31mRed`;

describe('user data with escape sequences, printed by the CLI', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-terminal-'));
    db = join(dir, 'r.db');
    const store = await openStore({ location: db });
    // The operations now refuse control characters in names, so the hostile text is written under them, as a
    // database from an older version or another tool would hold it: the CLI must still print it safely.
    const { contact } = await runOperation({ store, clock: fixedClock('2026-11-23T12:00:00.000Z') }, contactCreate, { name: 'Mallory Evans', notes: 'met at the fair', organisation: 'Acme Red' });
    await store.db.updateTable('contacts').set({ name: NAME, notes: NOTES }).where('id', '=', contact.id).execute();
    await store.db.updateTable('organisations').set({ name: ORG }).where('id', '=', contact.organisationId!).execute();
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const unsafe = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

  it.each([
    ['contact list', ['contact', 'list']],
    ['contact show', ['contact', 'show', '1']],
    ['today', ['today']],
    ['search', ['search', 'mallory']],
  ])('%s shows them escaped, never raw', async (_label, args) => {
    const run = await runRapport(db, args);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(unsafe);
    expect(run.stdout).toContain('Mallory \\x1b]0;owned\\x07Evans\\x1b[2J');
  });

  it('contact show escapes the notes and the organisation too', async () => {
    const run = await runRapport(db, ['contact', 'show', '1']);
    expect(run.stdout).toContain('met at \\x9b2J the fair');
    expect(run.stdout).toContain('Acme \\x1b[31mRed');
  });

  it('an error message quoting a name is escaped on stderr', async () => {
    const run = await runRapport(db, ['contact', 'show', `nobody${ESC}[2J`]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(unsafe);
    expect(run.stderr).toContain('nobody');
  });

  it('--json keeps the exact text, as JSON escapes', async () => {
    const run = await runRapport(db, ['contact', 'show', '1', '--json']);
    expect(run.stdout).not.toMatch(unsafe);
    const parsed = JSON.parse(run.stdout) as { name: string; notes: string };
    expect([parsed.name, parsed.notes]).toEqual([NAME, NOTES]);
  });
});
