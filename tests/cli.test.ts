import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, toIsoDay } from '../src/domain/dates.ts';
import { BIN, runRapport, type CliRun } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = CliRun;
const rapport = (db: string, ...args: string[]): Promise<Run> => runRapport(join(dir, db), args);

const json = <T>(r: Run): T => {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
};

// Independent databases, so the four run side by side; generous timeouts because a loaded machine slows every spawn.
describe.concurrent('rapport CLI', { timeout: 120_000 }, () => {
  it('follows the cadence rule: an overdue contact leaves the due list once an interaction is logged', async () => {
    const today = toIsoDay(new Date());
    const added = json<{ contact: { id: number } }>(await rapport('cadence.db', 'contact', 'add', 'Ada Lovelace', '--network', 'operational', '--org', 'Analytical Engines', '--json'));
    // Operational contacts are kept in touch every 30 days (growing-in-role), so a coffee 60 days ago makes Ada 30 days late.
    expect((await rapport('cadence.db', 'log', 'lovelace', '--kind', 'coffee', '--when', '60d ago')).code).toBe(0);
    const due = json<{ id: number; nextDueOn: string }[]>(await rapport('cadence.db', 'due', '--json'));
    expect(due).toEqual([expect.objectContaining({ id: added.contact.id, nextDueOn: addDays(today, -30) })]);

    const logged = await rapport('cadence.db', 'log', 'ada', '--kind', 'message', '--note', 'quick hello');
    expect(logged.stdout).toMatch(/logged message \(message\) with Ada Lovelace/);
    expect(json<unknown[]>(await rapport('cadence.db', 'due', '--json'))).toEqual([]);
    const view = json<{ overdue: unknown[]; dueThisWeek: unknown[]; followUps: unknown[] }>(await rapport('cadence.db', 'today', '--json'));
    expect([view.overdue, view.dueThisWeek, view.followUps]).toEqual([[], [], []]);
  });

  it('rejects bad input with exit 2 and a one-line message naming the field and value, writing nothing', async () => {
    const cases: [string[], RegExp][] = [
      // Named by the flag that was typed, not by the operation's field.
      [['Ada Lovelace', '--email', 'ada-at-example'], /^error: --email: not an email address: "ada-at-example"/],
      [['Ada Lovelace', '--birthday', '1815-02-30'], /^error: --birthday: not a birthday.*"1815-02-30"/],
      [['Ada Lovelace', '--network', 'galactic'], /^error: --network: unknown network "galactic"/],
      [['Ada Lovelace', '--type', 'wizard'], /^error: --type: unknown connection type "wizard"/],
      [['  '], /name: a contact needs a name/],
    ];
    for (const [args, pattern] of cases) {
      const r = await rapport('bad.db', 'contact', 'add', ...args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
    }
    expect(json<{ total: number }>(await rapport('bad.db', 'contact', 'list', '--json')).total).toBe(0);
  });

  it('lists the candidates of an ambiguous name and exits 2; warns about a duplicate email, naming its owner', async () => {
    const first = json<{ contact: { id: number } }>(await rapport('names.db', 'contact', 'add', 'Ada Lovelace', '--email', 'ada@example.org', '--json'));
    const second = await rapport('names.db', 'contact', 'add', 'Ada Byron', '--email', 'ADA@example.org');
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`warning: email ada@example.org already belongs to Ada Lovelace \\(#${first.contact.id}\\)`));
    const ambiguous = await rapport('names.db', 'log', 'ada', '--kind', 'coffee');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"ada" matches 2 contacts/);
    expect(ambiguous.stderr).toMatch(/#\d+ +Ada Byron/);
    expect(ambiguous.stderr).toMatch(/#\d+ +Ada Lovelace/);
  });

  it('loads the demo into an empty database only, and shows it on today', async () => {
    expect(json<{ contacts: number; seed: number }>(await rapport('demo.db', 'demo', '--size', '60', '--json'))).toMatchObject({ contacts: 60, seed: 1 });
    const view = json<{ metAtEvents: unknown[] }>(await rapport('demo.db', 'today', '--json'));
    expect(view.metAtEvents.length).toBeGreaterThan(0);
    const again = await rapport('demo.db', 'demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/the database is not empty \(60 contacts/);
  });
});

describe('rapport CLI in a pipe', { timeout: 60_000 }, () => {
  it('stops quietly when the reader closes early (`rapport --help | head -1`)', async () => {
    const result = await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--help'], { env: { ...process.env, RAPPORT_DB: join(dir, 'pipe.db') }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      // Hang up before it writes, as `head -1` does after its first line.
      child.stdout.destroy();
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout: '', stderr }));
    });
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.code).toBe(0);
  });
});
