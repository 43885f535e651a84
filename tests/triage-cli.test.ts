import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.ts';
import { buildProgram } from '../src/cli/program.ts';
import { reportError } from '../src/cli/runtime.ts';
import { fixedClock } from '../src/domain/clock.ts';
import type { TriagePage } from '../src/services/triage.service.ts';
import type { TodayView } from '../src/services/today.service.ts';

// `rapport triage` in-process on a fresh database and a frozen clock, after a LinkedIn import.
const dir = mkdtempSync(join(tmpdir(), 'rapport-triage-cli-'));
const db = join(dir, 'triage.db');
const csv = join(dir, 'Connections.csv');
writeFileSync(csv, [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'José,Núñez,https://www.linkedin.com/in/jose-nunez,,Northstar,Senior Technical Recruiter,02 Jan 2019',
  'Tom,Okafor,https://www.linkedin.com/in/tom-okafor,,Lumen,Co-founder & CEO,03 Mar 2018',
  'Sam,Ito,https://www.linkedin.com/in/sam-ito,,Kite,Engineer,07 Jun 2017',
  'Ana,Lima,https://www.linkedin.com/in/ana-lima,,Talentia,Talent Partner,07 Jun 2024',
].join('\n'));
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

describe('rapport triage', () => {
  it('lists suggestions with reasons, accepts by filter, sorts one by hand, and Today shows only the sorted', async () => {
    const imported = await rapport('import', csv, '--format', 'linkedin');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('4 new contacts have no network yet');

    const listed = await rapport('triage');
    expect(listed.out).toMatch(/José Núñez .*Recruiter at Northstar → strategic, recruiter/);
    expect(listed.out).toContain('4 unsorted in all');
    const page = JSON.parse((await rapport('triage', '--rule', 'recruiter', '--json')).out) as TriagePage;
    expect(page.items.map((i) => i.name).sort()).toEqual(['Ana Lima', 'José Núñez']);

    const refused = await rapport('triage', 'accept');
    expect(refused.code).toBe(EXIT.usage);
    expect(refused.err).toContain('--all-matching');

    expect((await rapport('triage', 'accept', '--all-matching', '--rule', 'recruiter')).out).toContain('sorted 2 contacts');
    expect((await rapport('triage', 'sort', 'sam', '--network', 'personal', '--type', 'friend')).out).toContain('sorted 1 contact');
    expect((await rapport('triage', 'archive', 'tom')).out).toContain('archived 1 contact');
    expect((await rapport('triage')).out).toContain('nobody waiting in triage');

    const again = await rapport('triage', 'sort', 'sam', '--network', 'strategic');
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('not waiting in triage any more: Sam Ito');

    const today = JSON.parse((await rapport('today', '--json')).out) as TodayView;
    expect(today.overdue).toEqual([]);
    expect(today.keepInTouchTotal).toBe(0);
  });
});
