import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.ts';
import { runCliInProcess, type CliResult } from './support/cli-in-process.ts';
import { BERLIN, calendar, vevent, weeklyWithExceptions } from './support/ics.ts';

// `rapport capture` and `rapport triage met` in-process on a fresh database; the clock is frozen at 2026-11-23 noon UTC.
const dir = mkdtempSync(join(tmpdir(), 'rapport-capture-cli-'));
const db = join(dir, 'capture.db');
const ics = join(dir, 'work.ics');
writeFileSync(ics, calendar([...weeklyWithExceptions(),
  vevent({ uid: 'broken@x', start: 'TZID=Nowhere/Special:20261110T090000', summary: 'Broken', attendees: ['ada@example.org'] })], [BERLIN]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rapport = (...args: string[]): Promise<CliResult> => runCliInProcess(db, args);

describe('rapport capture', () => {
  it('captures the meetings, names the event it could not read, offers who met, and adds one when asked', async () => {
    expect((await rapport('contact', 'add', 'Ada Lovelace', '--email', 'ada@example.org', '--network', 'operational')).code).toBe(0);
    const first = await rapport('capture', ics, '--me', 'me@example.org');
    expect(first.code).toBe(EXIT.failure);
    expect(first.out).toContain('4 meetings captured, 0 updated, 0 removed');
    expect(first.out).toContain(`not captured: ${ics}, event broken@x: the time zone "Nowhere/Special" is neither defined`);
    expect(first.out).toContain('1 person you met is not a contact yet: see `rapport triage met`');
    expect((await rapport('capture', ics, '--me', 'me@example.org')).out).toContain('0 meetings captured, 0 updated, 0 removed');

    const met = await rapport('triage', 'met');
    expect(met.out).toMatch(/Grace Hopper +grace@example.net +4 +2026-11-23 +Weekly sync/);
    const added = await rapport('triage', 'met', 'add', 'grace@example.net');
    expect(added.out).toContain('with 4 meetings; sort them with `rapport triage`');
    expect((await rapport('triage')).out).toContain('Grace Hopper');
  });

  it('says which file is missing', async () => {
    const r = await rapport('capture', join(dir, 'nope.ics'));
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('nope.ics: cannot read the file (ENOENT)');
  });
});
