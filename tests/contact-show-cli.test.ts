import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess, type CliResult } from './support/cli-in-process.ts';

// The CLI in-process, with a frozen clock and a throwaway SQLite file, capturing what a terminal would see.
let dir: string;
let db: string;

const cli = (...args: string[]): Promise<CliResult> => runCliInProcess(db, args);

describe('contact show and today in the CLI', () => {
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rapport-show-'));
    db = join(dir, 'rapport.db');
    await cli('contact', 'add', 'Hedy Lamarr', '--network', 'strategic');
    await cli('contact', 'add', 'George Antheil');
  });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('shows the goals, communities and links of a person, and says so when there are none', async () => {
    expect((await cli('contact', 'show', 'hedy')).out).toContain('not linked to a goal');
    await cli('goal', 'add', 'Find a mentor in radio engineering', '--kind', 'mentorship', '--contact', 'hedy');
    await cli('community', 'add', 'Signal Society', '--kind', 'association');
    await cli('community', 'join', 'signal', 'hedy');
    await cli('link', 'hedy', 'antheil', '--strength', '4');
    const shown = await cli('contact', 'show', 'hedy');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/Goals \(1\)\n +#\d+ +Find a mentor in radio engineering +mentorship +open/);
    expect(shown.out).toMatch(/Communities \(1\)\n +#\d+ +Signal Society +association/);
    expect(shown.out).toMatch(/Knows \(1\)\n +#\d+ +George Antheil +strength 4/);
    const json = JSON.parse((await cli('contact', 'show', 'antheil', '--json')).out) as { goals: unknown[]; communities: unknown[]; links: { name: string }[] };
    expect(json.goals).toEqual([]);
    expect(json.communities).toEqual([]);
    expect(json.links.map((l) => l.name)).toEqual(['Hedy Lamarr']);
  });

  it('prints Today in its fixed sections and points at the full list', async () => {
    const out = (await cli('today')).out;
    const order = ['Follow-ups', 'Actions due', 'Met at recent events', 'Keep in touch'].map((h) => out.indexOf(`\n${h}`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const followUps = await cli('today', '--show', 'follow-ups', '--json');
    expect((JSON.parse(followUps.out) as { section: string; followUpsTotal: number }).followUpsTotal).toBe(2);
    expect((await cli('today', '--show', 'everything')).code).toBe(2);
  });
});
