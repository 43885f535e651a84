import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.ts';
import { buildProgram } from '../src/cli/program.ts';
import { reportError } from '../src/cli/runtime.ts';
import { fixedClock } from '../src/domain/clock.ts';

// `rapport history`, `rapport undo [id]` and `rapport demo --remove`, in-process on one SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-history-'));
const db = join(dir, 'history.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rapport(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => { out += `${parts.join(' ')}\n`; });
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err += String(chunk); return true; });
  const { program, runtime } = buildProgram(fixedClock('2026-11-23T12:00:00.000Z'));
  program.configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { err += s; } });
  let code: number = EXIT.ok;
  try {
    await program.parseAsync(['--db', db, ...args], { from: 'user' });
  } catch (error) {
    code = error instanceof CommanderError ? (error.exitCode === 0 ? EXIT.ok : EXIT.usage) : reportError(error);
  } finally {
    await runtime.close();
    log.mockRestore();
    write.mockRestore();
    writeErr.mockRestore();
  }
  return { code, out, err };
}

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
