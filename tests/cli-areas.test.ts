import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { runCliInProcess, type CliResult } from './support/cli-in-process.ts';
import { buildProgram } from '../src/cli/program.ts';

// Every command area in-process, on one demo database and a frozen clock: the same commands and exit codes as
// `bin/rapport.js` (tests/cli.test.ts spawns that), without paying a process start per command.
const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-areas-'));
const db = join(dir, 'areas.db');
const clock = fixedClock('2026-11-23T12:00:00.000Z');


const rapport = (...args: string[]): Promise<CliResult> => runCliInProcess(db, args, clock);

const json = async <T>(...args: string[]): Promise<T> => {
  const r = await rapport(...args, '--json');
  expect(r.err, args.join(' ')).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
};

beforeAll(async () => {
  const demo = await rapport('demo');
  expect(demo.code, demo.err).toBe(0);
  expect(demo.out).toMatch(/contacts +200/);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rapport command areas', () => {
  it('has help for every command and option, and lists the exit codes', async () => {
    const help = await rapport('--help');
    for (const area of ['today', 'contact', 'org', 'link', 'unlink', 'links', 'tag', 'tags', 'goal', 'action', 'event', 'community', 'types', 'demo']) {
      expect(help.out).toMatch(new RegExp(`\\n  ${area}\\b`));
    }
    expect(help.out).toMatch(/Exit codes: 0 ok, 1 failure .*, 2 usage error or ambiguous/);
    const undocumented: string[] = [];
    const walk = (cmd: Command, path: string): void => {
      if (!cmd.description()) undocumented.push(path);
      for (const o of cmd.options) if (!o.description) undocumented.push(`${path} ${o.flags}`);
      for (const sub of cmd.commands) walk(sub, `${path} ${sub.name()}`);
    };
    walk((await buildProgram(clock)).program, 'rapport');
    expect(undocumented).toEqual([]);
  });

  it('org: add, edit, show and list organisations; an ambiguous name lists candidates and exits 2', async () => {
    const org = await json<{ id: number; isMine: boolean }>('org', 'add', 'Analytical Engines', '--industry', 'Computing');
    expect(org.isMine).toBe(false);
    expect((await rapport('org', 'edit', 'analytical eng', '--website', 'engines.example')).out).toMatch(/updated Analytical Engines/);
    expect(await json('org', 'show', String(org.id))).toMatchObject({ name: 'Analytical Engines', website: 'https://engines.example', contacts: [] });
    const list = await rapport('org', 'list', '--limit', '5');
    expect(list.out).toMatch(/Brightwave Systems \(mine\) +Software/);
    expect(list.out).toMatch(/1–5 of 13/);
    expect((await rapport('org', 'show', 'brightwave')).out).toMatch(/my organisation +yes/);
    const ambiguous = await rapport('org', 'show', 'a');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toMatch(/"a" matches 13 organisations; name one by id\n +#13 +Analytical Engines\n +#11 +Atlas Build/);
  });

  it('link, links and unlink: who knows whom, strongest first', async () => {
    const link = await json<{ aId: number; bId: number; strength: number }>('link', '3', '5', '--strength', '5', '--note', 'same board');
    expect(link).toMatchObject({ aId: 3, bId: 5, strength: 5 });
    const page = await json<{ items: { bId: number; strength: number | null }[] }>('links', '3');
    expect(page.items.find((l) => l.bId === 5)).toMatchObject({ strength: 5 });
    expect((await rapport('links', '3')).out).toMatch(/●●●●● +same board/);
    expect((await rapport('unlink', '5', '3')).out).toMatch(/unlinked/);
    expect((await json<{ items: { bId: number }[] }>('links', '3')).items.map((l) => l.bId)).not.toContain(5);
    expect((await rapport('link', '3', '3')).code).toBe(2);
  });

  it('tag add/remove and tags', async () => {
    // Tags keep the case they were given; removing "keynote" removes "Keynote".
    expect((await rapport('tag', 'add', 'Keynote', '1', '2')).out).toMatch(/tagged 2 contacts with Keynote/);
    expect(await json<{ tag: string; count: number }[]>('tags')).toContainEqual({ tag: 'Keynote', count: 2 });
    expect((await rapport('tag', 'remove', 'keynote', '1')).out).toMatch(/untagged 1 contact of keynote/);
  });

  it('goal and action: set a goal tied to people and an organisation, plan and tick off actions', async () => {
    const goal = await json<{ id: number; targetDate: string; contacts: unknown[]; organisations: { name: string }[] }>(
      'goal', 'add', 'Meet three robotics founders', '--kind', 'business', '--contact', '4', '--org', 'quanta', '--target', 'in 30d');
    expect(goal).toMatchObject({ targetDate: '2026-12-23', organisations: [{ name: 'Quanta Robotics' }] });
    const action = await json<{ id: number; dueOn: string; goalId: number }>('action', 'add', 'Ask for an intro', '--kind', 'introduction-request', '--goal', 'robotics founders', '--contact', '4', '--due', 'tomorrow');
    expect(action).toMatchObject({ dueOn: '2026-11-24', goalId: goal.id });
    expect((await rapport('goal', 'show', 'robotics')).out).toMatch(/Actions \(0\/1 actions\)[\s\S]*2026-11-24 +introduction-request +Ask for an intro/);
    expect((await rapport('action', 'done', String(action.id))).out).toMatch(/done: Ask for an intro/);
    expect((await rapport('goal', 'done', String(goal.id))).out).toMatch(/achieved/);
    const goals = await json<{ id: number; status: string; actionsDone: number }[]>('goal', 'list');
    expect(goals.find((g) => g.id === goal.id)).toMatchObject({ status: 'achieved', actionsDone: 1 });
    expect((await rapport('goal', 'list')).out).toMatch(/open +mentorship +Find a mentor/);
    expect((await rapport('goal', 'add', 'x', '--kind', 'fame')).code).toBe(2);
  });

  it('event and community: record an event held by a community, who attended and whom you met', async () => {
    const community = await json<{ id: number }>('community', 'add', 'Analytical Society', '--kind', 'association');
    expect((await rapport('community', 'join', 'analytical soc', '6', '7', '--role', 'organiser')).out).toMatch(/Analytical Society now has 2 members/);
    expect(await json('community', 'show', String(community.id))).toMatchObject({ members: [expect.objectContaining({ role: 'organiser' }), expect.anything()] });
    expect((await rapport('community', 'list')).out).toMatch(/Analytical Society +association +2/);
    const event = await json<{ id: number; date: string; communityId: number }>('event', 'add', 'Difference Engine Night', '--kind', 'meetup', '--date', '2d ago', '--community', 'analytical soc');
    expect(event).toMatchObject({ date: '2026-11-21', communityId: community.id });
    const attended = await json<{ followUpsCreated: number }>('event', 'attend', String(event.id), '6', '7', '--met');
    expect(attended.followUpsCreated).toBe(2);
    expect((await rapport('event', 'show', 'difference engine')).out).toMatch(/attendees +2, of whom you met 2 there/);
    expect((await rapport('event', 'list', '--limit', '3')).out).toMatch(/2026-11-21 +meetup +Difference Engine Night/);
  });

  it('types: the built-in connection types and your own', async () => {
    const types = await json<{ key: string; builtIn: boolean }[]>('types');
    expect(types.filter((t) => t.builtIn)).toHaveLength(16);
    expect((await rapport('types', 'add', 'board-member', '--network', 'strategic')).out).toMatch(/added type board-member \(Board member\), suggests strategic/);
    expect((await rapport('types', 'add', 'board-member', '--network', 'strategic')).code).toBe(1);
    expect((await rapport('types')).out).toMatch(/board-member +Board member +strategic +yours/);
  });

  it('demo refuses a database that is not empty', async () => {
    const again = await rapport('demo', '--size', '20');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/the database is not empty/);
  });
});
