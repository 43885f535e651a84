import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkReport } from '../src/analysis/report.ts';
import type { IntroResult } from '../src/services/network-intro.service.ts';
import { runRapport, type CliRun } from './support/cli.ts';

// `rapport report` and `rapport intro` end to end on a demo database (each spawn costs about half a second).
const dir = mkdtempSync(join(tmpdir(), 'rapport-network-cli-'));
const db = join(dir, 'demo.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rapport = (...args: string[]): Promise<CliRun> => runRapport(db, args);

describe('rapport report and rapport intro', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    expect((await rapport('demo', '--size', '120')).code).toBe(0);
  }, 120_000);

  it('prints readable sections ending in advice that names people, and the same report as JSON', async () => {
    const [text, json] = await Promise.all([rapport('report'), rapport('report', '--json')]);
    expect(text.code).toBe(0);
    for (const heading of ['Balance against your situation', 'Tie strength', 'Dormant ties worth reviving', 'Reciprocity', 'Structure', 'Advice']) {
      expect(text.stdout).toContain(heading);
    }
    const report = JSON.parse(json.stdout) as NetworkReport;
    const named = report.advice.flatMap((a) => a.people.map((p) => p.name));
    expect(named.length).toBeGreaterThan(3);
    for (const name of named.slice(0, 5)) expect(text.stdout).toContain(name);
  });

  it('finds introductions by name, says whom to ask first, and fails plainly on an unknown or ambiguous target', async () => {
    const report = JSON.parse((await rapport('report', '--json')).stdout) as NetworkReport;
    const target = report.structure.bridges[0]!;
    const [json, text, unknown, ambiguous] = await Promise.all([
      rapport('intro', String(target.id), '-k', '2', '--json'),
      rapport('intro', String(target.id)),
      rapport('intro', 'Nobody Byt His Name'),
      rapport('intro', 'a'),
    ]);
    const r = JSON.parse(json.stdout) as IntroResult;
    expect(r.target.name).toBe(target.name);
    expect(r.paths.length).toBeGreaterThanOrEqual(2);
    expect(text.stdout).toContain(`Warm introductions to ${target.name}`);
    expect(text.stdout).toContain(`First step: ${r.paths[0]!.firstStep.slice(0, 20)}`);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('no contact or organisation matches "Nobody Byt His Name"') });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/name one by id/);
  });
});
