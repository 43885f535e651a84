import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Contact } from '../src/domain/contact.ts';
import { RapportError } from '../src/domain/errors.ts';
import { contactList } from '../src/services/contact-list.service.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { demoRemove } from '../src/services/demo-remove.service.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { followUpAdd } from '../src/services/follow-ups.service.ts';
import { historyUndo } from '../src/services/history.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { contactMerge } from '../src/services/merge.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';
import { dumpTables } from './support/dump.ts';

describe.each(DIALECTS)('removing the demo on %s', (dialect) => {
  let t: TestContext;
  let demoIds: number[];
  let mine: Contact;
  beforeEach(async () => {
    t = await testContext(dialect);
    await t.run(demoLoad, { size: 20 });
    demoIds = (await t.run(contactList, { limit: 100 })).items.map((c) => c.id);
    mine = (await t.run(contactCreate, { name: 'Zelda Mine', organisation: 'My Own Firm', networks: ['personal'] })).contact;
  });
  afterEach(async () => { await t.close(); });

  const names = async () => (await t.run(contactList, { limit: 100 })).items.map((c) => c.name);

  it('takes out exactly the demo rows, keeping the user\'s, and says beforehand what of the user\'s goes with demo people', async () => {
    const [demoA, demoB] = demoIds as [number, number];
    await t.run(interactionLog, { contactIds: [demoA], kind: 'call', occurredAt: '2026-11-01', summary: 'only with a demo person' });
    await t.run(interactionLog, { contactIds: [demoB, mine.id], kind: 'meeting', occurredAt: '2026-11-02', summary: 'with both' });
    await t.run(followUpAdd, { contactId: demoA, dueOn: '2026-12-01', reason: 'mine, on a demo person' });
    const plan = await t.run(demoRemove, { dryRun: true });
    expect(plan).toMatchObject({ contacts: 20, removed: false, yours: { interactions: 1, followUps: 1, actions: 0, links: 0 } });
    expect(await names()).toHaveLength(21);

    const removed = await t.run(demoRemove, {});
    expect(removed).toMatchObject({ contacts: 20, removed: true });
    expect(await names()).toEqual(['Zelda Mine']);
    const left = await t.store.db.selectFrom('interactions').select('summary').execute();
    expect(left.map((r) => r.summary)).toEqual(['with both']);
    const participants = await t.store.db.selectFrom('interaction_participants').select('contact_id').execute();
    expect(participants.map((p) => p.contact_id)).toEqual([mine.id]);
    for (const table of ['events', 'communities', 'goals', 'actions', 'links', 'follow_ups'] as const) {
      const rows = await t.store.db.selectFrom(table).select('workspace_id').execute();
      expect(rows.length, table).toBe(table === 'follow_ups' ? 1 : 0);
    }
    expect((await t.store.db.selectFrom('organisations').select('name').execute()).map((o) => o.name)).toEqual(['My Own Firm']);
  });

  it('is one undoable step: undo brings back exactly the rows there were', async () => {
    await t.run(interactionLog, { contactIds: [demoIds[0], mine.id], kind: 'meeting', occurredAt: '2026-11-02' });
    const before = await dumpTables(t);
    await t.run(demoRemove, {});
    expect(await dumpTables(t)).not.toEqual(before);
    await t.run(historyUndo, {});
    expect(await dumpTables(t)).toEqual(before);
  });

  it('refuses, changing nothing, when a demo contact was merged into one of the user\'s', async () => {
    await t.run(contactMerge, { keepId: mine.id, mergeId: demoIds[0] });
    const before = await dumpTables(t);
    const error = await t.run(demoRemove, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).code).toBe('conflict');
    expect((error as Error).message).toMatch(/^cannot remove the demo: the demo's .* now involves Zelda Mine, one of your contacts .*Undo that merge .*nothing was changed\.$/);
    expect(await dumpTables(t)).toEqual(before);
  });

  it('never removes a demo contact the user merged one of their own into: it holds the user\'s record now', async () => {
    const survivor = (await t.run(contactMerge, { keepId: demoIds[1], mergeId: mine.id })).contact;
    const before = await dumpTables(t);
    await expect(t.run(demoRemove, {})).rejects.toThrow(`now involves ${survivor.name}, one of your contacts`);
    expect(await dumpTables(t)).toEqual(before);
  });

  it('undoing the demo load removes it, and the database is empty again', async () => {
    const fresh = await testContext(dialect);
    try {
      await fresh.run(demoLoad, { size: 20 });
      await fresh.run(historyUndo, {});
      expect(await fresh.run(contactList, {})).toMatchObject({ total: 0 });
    } finally {
      await fresh.close();
    }
  });
});
