import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { actionCreate, actionDone, actionList, actionUpdate } from '../src/services/actions.service.ts';
import { goalCreate, goalGet, goalLink, goalList, goalUnlink, goalUpdate } from '../src/services/goals.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { organisationCreate } from '../src/services/organisations.service.ts';
import { addContact, countRows } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('goals and actions on %s', (dialect) => {
  let t: TestContext;
  let ada: number, bob: number, acme: number;
  beforeEach(async () => {
    t = await testContext(dialect);
    ada = await addContact(t, 'Ada');
    bob = await addContact(t, 'Bob');
    acme = (await t.run(organisationCreate, { name: 'Acme' })).id;
  });
  afterEach(async () => { await t.close(); });

  const goal = (input: Record<string, unknown>) => t.run(goalCreate, { kind: 'mentorship', description: 'Find a mentor in data', ...input });
  const action = (input: Record<string, unknown>) => t.run(actionCreate, { kind: 'coffee', description: 'Coffee', ...input });

  it('stores a goal with the people and organisations it needs', async () => {
    const g = await goal({ targetDate: '2027-03-01', contactIds: [bob, ada, ada], organisationIds: [acme] });
    expect(await t.run(goalGet, { id: String(g.id) })).toEqual({
      id: g.id, kind: 'mentorship', description: 'Find a mentor in data', targetDate: '2027-03-01', status: 'open',
      contacts: [{ id: ada, name: 'Ada' }, { id: bob, name: 'Bob' }], organisations: [{ id: acme, name: 'Acme' }],
      actionsDone: 0, actionsTotal: 0, actions: [],
    });
  });

  it('an unknown contact or organisation leaves no goal behind and names the ids', async () => {
    await expect(goal({ contactIds: [ada, 901, 902] })).rejects.toMatchObject({ code: 'not_found', message: 'contactIds: no contact with id 901, 902' });
    await expect(goal({ organisationIds: [77] })).rejects.toMatchObject({ code: 'not_found', message: 'organisationIds: no organisation with id 77' });
    await expect(goal({ kind: 'fame' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('kind: unknown goal kind "fame"') });
    await expect(goal({ targetDate: '2027-02-30' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('targetDate: must be a real date') });
    expect([await countRows(t, 'goals'), await countRows(t, 'goal_contacts')]).toEqual([0, 0]);
  });

  it('updates status and replaces links only when given; other fields stay', async () => {
    const g = await goal({ contactIds: [ada], organisationIds: [acme] });
    await t.run(goalUpdate, { id: g.id, status: 'achieved' });
    expect(await t.run(goalGet, { id: g.id })).toMatchObject({ status: 'achieved', contacts: [{ id: ada }], organisations: [{ id: acme }] });
    const relinked = await t.run(goalUpdate, { id: g.id, contactIds: [bob], description: 'Find two mentors' });
    expect(relinked).toMatchObject({ status: 'achieved', description: 'Find two mentors', contacts: [{ id: bob }], organisations: [{ id: acme }] });
    await expect(t.run(goalUpdate, { id: g.id, contactIds: [bob, 555] })).rejects.toMatchObject({ code: 'not_found', message: 'contactIds: no contact with id 555' });
    expect((await t.run(goalGet, { id: g.id })).contacts).toEqual([{ id: bob, name: 'Bob' }]);
    await expect(t.run(goalUpdate, { id: 404, status: 'dropped' })).rejects.toMatchObject({ code: 'not_found', message: 'goal not found: 404' });
  });

  it('links and unlinks people and organisations', async () => {
    const g = await goal({});
    await t.run(goalLink, { id: g.id, contactIds: [ada, bob], organisationIds: [acme] });
    await t.run(goalLink, { id: g.id, contactIds: [ada] });
    expect((await t.run(goalGet, { id: g.id })).contacts.map((c) => c.id)).toEqual([ada, bob]);
    const after = await t.run(goalUnlink, { id: g.id, contactIds: [ada], organisationIds: [acme] });
    expect([after.contacts, after.organisations]).toEqual([[{ id: bob, name: 'Bob' }], []]);
    await expect(t.run(goalLink, { id: g.id })).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.run(goalLink, { id: g.id, organisationIds: [88] })).rejects.toMatchObject({ code: 'not_found', message: 'organisationIds: no organisation with id 88' });
  });

  it('creates actions for a goal and a contact, checking both exist', async () => {
    const g = await goal({});
    const a = await action({ kind: 'informational-interview', description: 'Ask Ada about her path', dueOn: '2026-12-01', goalId: g.id, contactId: ada });
    expect(a).toEqual({ id: a.id, kind: 'informational-interview', description: 'Ask Ada about her path', dueOn: '2026-12-01', doneAt: null, goalId: g.id, contactId: ada, contactName: 'Ada' });
    await expect(action({ goalId: 999 })).rejects.toMatchObject({ code: 'not_found', message: 'goalId: no goal with id 999' });
    await expect(action({ contactId: 998 })).rejects.toMatchObject({ code: 'not_found', message: 'contactId: no contact with id 998' });
    expect(await countRows(t, 'actions')).toBe(1);
  });

  it('marks an action done at the clock\'s now, reopens it, and goals count done actions', async () => {
    const g = await goal({});
    const first = await action({ goalId: g.id });
    await action({ goalId: g.id });
    const done = await t.run(actionDone, { id: first.id });
    expect(done.doneAt).toBe('2026-11-23T12:00:00.000Z');
    // Done again later keeps the first time.
    const later = { ...t, clock: fixedClock('2026-11-30T09:00:00.000Z') };
    expect((await runOperation(later, actionDone, { id: first.id })).doneAt).toBe('2026-11-23T12:00:00.000Z');
    expect(await t.run(goalList, {})).toMatchObject([{ id: g.id, actionsDone: 1, actionsTotal: 2 }]);
    expect((await t.run(actionDone, { id: first.id, done: 'false' })).doneAt).toBe(null);
    expect((await t.run(goalGet, { id: g.id })).actionsDone).toBe(0);
  });

  it('filters actions by goal, contact, open and due before a day', async () => {
    const g = await goal({});
    const early = await action({ description: 'early', dueOn: '2026-11-20', contactId: ada });
    const late = await action({ description: 'late', dueOn: '2026-12-20', goalId: g.id });
    const undated = await action({ description: 'undated', contactId: ada });
    await t.run(actionDone, { id: late.id });
    const ids = async (filter: Record<string, unknown>) => (await t.run(actionList, filter)).map((a) => a.id);
    expect(await ids({})).toEqual([early.id, undated.id, late.id]);
    expect(await ids({ contactId: ada })).toEqual([early.id, undated.id]);
    expect(await ids({ goalId: String(g.id) })).toEqual([late.id]);
    expect(await ids({ open: 'true' })).toEqual([early.id, undated.id]);
    expect(await ids({ open: false })).toEqual([late.id]);
    expect(await ids({ dueBefore: '2026-12-20' })).toEqual([early.id]);
    await expect(ids({ dueBefore: 'next week' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('dueBefore') });
  });

  it('updates an action, clearing with null and keeping what is left out', async () => {
    const a = await action({ dueOn: '2026-12-01', contactId: ada });
    expect(await t.run(actionUpdate, { id: a.id, dueOn: null, description: 'Lunch instead' }))
      .toMatchObject({ kind: 'coffee', description: 'Lunch instead', dueOn: null, contactId: ada });
    await expect(t.run(actionUpdate, { id: a.id, goalId: 31 })).rejects.toMatchObject({ code: 'not_found', message: 'goalId: no goal with id 31' });
    await expect(t.run(actionDone, { id: 404 })).rejects.toMatchObject({ code: 'not_found', message: 'action not found: 404' });
  });

  it('lists goals by status, open first', async () => {
    const open = await goal({ description: 'open one' });
    const dropped = await goal({ description: 'dropped one', status: 'dropped' });
    expect((await t.run(goalList, {})).map((g) => g.id)).toEqual([open.id, dropped.id]);
    expect((await t.run(goalList, { status: 'dropped' })).map((g) => g.id)).toEqual([dropped.id]);
    await expect(t.run(goalList, { status: 'paused' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('status') });
  });
});
