import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runRapport, type CliRun } from './support/cli.ts';

// The rough edges of the command line: each refusal says what was wrong and where (flag, path), exits non-zero,
// and changes nothing.
// Each test spawns the CLI up to five times (about half a second each, far more on a loaded machine).
const SPAWNS = 120_000;

describe('rapport on the edges', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-edges-'));
    db = join(dir, 'r.db');
    expect((await runRapport(db, ['contact', 'add', 'Ada Lovelace'])).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const oneLine = (run: CliRun): string => {
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    return run.stderr.trim();
  };

  it('refuses an empty --db instead of quietly using the default database', async () => {
    const run = await runRapport(db, ['--db', '', 'today']);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe('error: --db: give a database file or a postgres:// URL (got an empty value); leave --db out to use the default');
  }, SPAWNS);

  it('names the path when --db is a folder', async () => {
    const run = await runRapport(db, ['--db', dir, 'today']);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe(`error: ${dir} is a folder, not a database file (name a file in it, e.g. ${join(dir, 'rapport.db')})`);
  }, SPAWNS);

  it('does not create folders for a mistyped --db, and says which folder is missing', async () => {
    const typo = join(dir, 'no-such-folder', 'deeper', 'r.db');
    const run = await runRapport(db, ['--db', typo, 'contact', 'add', 'Grace Hopper']);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe(`error: cannot create ${typo}: the folder ${join(dir, 'no-such-folder', 'deeper')} does not exist (check the path, or create the folder first)`);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  }, SPAWNS);

  it('refuses an empty name on edit, as on add', async () => {
    for (const name of ['', '   ']) {
      const run = await runRapport(db, ['contact', 'edit', '1', '--name', name]);
      expect(run.code).toBe(2);
      expect(oneLine(run)).toMatch(/^error: --name: a contact needs a name( \(got " +"\))?$/);
    }
    expect((await runRapport(db, ['contact', 'show', '1'])).stdout).toContain('Ada Lovelace');
  }, SPAWNS);

  it('refuses an interaction dated far in the future, naming --when', async () => {
    const run = await runRapport(db, ['log', 'ada', '--when', 'in 100000d']);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toMatch(/^error: --when: an interaction cannot be dated after \d{4}-\d{2}-\d{2} \(tomorrow\): it is something that happened; plan later contact as a follow-up or an action \(got "2\d{3}-\d{2}-\d{2}"\)$/);
  }, SPAWNS);

  it('names --when, not an internal field, for a date it cannot read', async () => {
    for (const when of ['the other day', 'in 99999999999d', '2026-02-30']) {
      const run = await runRapport(db, ['log', 'ada', '--when', when]);
      expect(run.code).toBe(2);
      expect(oneLine(run)).toBe(`error: --when: must be a date (YYYY-MM-DD) or an ISO-8601 timestamp (got ${JSON.stringify(when)})`);
    }
    const timeline = JSON.parse((await runRapport(db, ['contact', 'show', '1', '--json'])).stdout) as { lastInteractionAt: string | null };
    expect(timeline.lastInteractionAt).toBeNull();
  }, SPAWNS);

  it('names the file an import cannot read', async () => {
    const missing = join(dir, 'Connections.csv');
    const run = await runRapport(db, ['import', missing]);
    expect(run.code).toBe(1);
    expect(oneLine(run)).toBe(`error: cannot read ${missing}: no such file`);
  }, SPAWNS);

  it('reads a read-only database, and a write names the file', async () => {
    const roDir = join(dir, 'ro');
    const ro = join(roDir, 'r.db');
    mkdirSync(roDir);
    expect((await runRapport(ro, ['contact', 'add', 'Grace Hopper'])).code).toBe(0);
    chmodSync(ro, 0o444);
    chmodSync(roDir, 0o777);
    chmodSync(dir, 0o755);
    const today = await asAnotherUser(ro, ['today']);
    expect({ code: today.code, stderr: today.stderr }).toEqual({ code: 0, stderr: '' });
    expect((await asAnotherUser(ro, ['contact', 'list'])).stdout).toContain('Grace Hopper');
    const write = await asAnotherUser(ro, ['log', 'grace', '--when', 'today']);
    expect(write.code).toBe(1);
    expect(oneLine(write)).toBe(`error: cannot write to ${ro}: it is read-only (for this user, or its folder is); nothing was changed`);
  }, SPAWNS);
});

// File permissions do not stop root: as root, the CLI runs as nobody to meet a file it may only read.
function asAnotherUser(db: string, args: readonly string[]): Promise<CliRun> {
  const root = process.getuid?.() === 0;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, RAPPORT_DB: db, NO_COLOR: '1', HOME: tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(root ? { uid: 65534, gid: 65534 } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
