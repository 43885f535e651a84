import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { runCliInProcess } from './support/cli-in-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-today-dates-'));
const db = join(dir, 'today.db');
// A year without February 29, three days before the 28th.
const clock = fixedClock('2027-02-25T09:00:00.000Z');
const cli = (...args: string[]) => runCliInProcess(db, args, clock);

describe('rapport today prints the dates coming up', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a February 29 birthday on the 28th with its draft subject, and not a birthday 20 days away', async () => {
    expect((await cli('contact', 'add', 'Leap Year', '--birthday', '1988-02-29')).code).toBe(0);
    expect((await cli('contact', 'add', 'Far Away', '--birthday=--03-17')).code).toBe(0);
    const run = await cli('today');
    expect(run.code).toBe(0);
    expect(run.out).toContain('Dates in the next 7 days (1)');
    expect(run.out).toMatch(/2027-02-28\s+in 3d\s+#\d+\s+Leap Year\s+39th birthday/);
    expect(run.out).toContain('draft: Happy birthday!');
    expect(run.out.split('Dates in the next')[1]).not.toContain('Far Away');
  });
});
