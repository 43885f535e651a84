import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommanderError } from 'commander';
import { buildProgram } from '../src/cli/program.ts';
import { reportError } from '../src/cli/runtime.ts';
import { fixedClock } from '../src/domain/clock.ts';

// The CLI in-process, with a frozen clock and a throwaway SQLite file, capturing what a terminal would see.
let dir: string;
let db: string;

async function cli(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err += String(chunk); return true; }),
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => { out += `${parts.map(String).join(' ')}\n`; }),
  ];
  process.exitCode = undefined;
  const { program, runtime } = buildProgram(fixedClock('2026-11-23T12:00:00.000Z'));
  program.exitOverride().configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { err += s; } });
  let code = 0;
  try {
    await program.parseAsync(['--db', db, ...args], { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    code = error instanceof CommanderError ? 2 : reportError(error);
  } finally {
    await runtime.close();
    for (const s of spies) s.mockRestore();
    process.exitCode = undefined;
  }
  return { out, err, code };
}

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
