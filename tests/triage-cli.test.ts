import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.ts';
import type { TriagePage } from '../src/services/triage.service.ts';
import type { TodayView } from '../src/services/today.service.ts';
import { runCliInProcess, type CliResult } from './support/cli-in-process.ts';

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

const rapport = (...args: string[]): Promise<CliResult> => runCliInProcess(db, args);

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
