import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.ts';
import { runCliInProcess, type CliResult } from './support/cli-in-process.ts';

// `rapport history`, `rapport undo [id]` and `rapport demo --remove`, in-process on one SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-history-'));
const db = join(dir, 'history.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rapport = (...args: string[]): Promise<CliResult> => runCliInProcess(db, args);

describe('rapport history and undo', () => {
  it('lists writes, undoes the latest or a named one, and says why it cannot', async () => {
    expect((await rapport('demo', '--size', '20')).code).toBe(0);
    expect((await rapport('contact', 'add', 'Zelda Mine', '--network', 'personal')).code).toBe(0);
    expect((await rapport('contact', 'add', 'Quentin Zzyzx')).code).toBe(0);
    const history = await rapport('history');
    expect(history.out).toMatch(/#3 +2026-11-23 12:00 +Added Quentin Zzyzx\n#2 +2026-11-23 12:00 +Added Zelda Mine\n#1 +2026-11-23 12:00 +Loaded the demo network \(20 contacts\)/);

    const undo = await rapport('undo');
    expect(undo.out).toMatch(/^undid #3: Added Quentin Zzyzx\n/);
    expect((await rapport('contact', 'show', 'Zzyzx')).code).toBe(EXIT.failure);

    const twice = await rapport('undo', '#3');
    expect(twice.code).toBe(EXIT.failure);
    expect(twice.err).toContain('#3 "Added Quentin Zzyzx" was already undone at 2026-11-23T12:00:00.000Z');
    expect((await rapport('undo', '99')).err).toContain('history entry #99 not found');
  });

  it('removes the demo, keeping the contact the user added, and undoes that too', async () => {
    const dry = await rapport('demo', '--remove', '--dry-run');
    expect(dry.out).toMatch(/^would remove the demo: 20 contacts, /);
    expect(dry.out).toContain('nothing was changed');
    const removed = await rapport('demo', '--remove');
    expect(removed.out).toMatch(/^removed the demo: 20 contacts/);
    const list = await rapport('contact', 'list', '--json');
    expect((JSON.parse(list.out) as { items: { name: string }[] }).items.map((c) => c.name)).toEqual(['Zelda Mine']);
    expect((await rapport('undo')).out).toMatch(/^undid #\d+: Removed the demo data \(20 contacts\)/);
    expect((JSON.parse((await rapport('contact', 'list', '--json')).out) as { total: number }).total).toBe(21);
  });
});
