import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactionLog } from '../src/services/interactions.service.ts';
import { outreachToday, type OutreachItem } from '../src/services/outreach.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Counts the queries a piece of work sends to the database.
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

describe.each(DIALECTS)('outreach drafts on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  // People a month past a monthly keep-in-touch: each is on today's outreach list with a reconnect draft.
  async function overdue(from: number, n: number): Promise<void> {
    for (let i = from; i < from + n; i++) {
      const id = await addContact(t, `Person ${i}`, { emails: [`p${i}@example.org`], organisation: `Org ${i % 3}`, cadenceDays: 30 });
      await t.run(interactionLog, { contactIds: [id], occurredAt: '2026-09-01', kind: 'call', summary: `Talked about topic ${i}` });
    }
  }

  async function outreach(): Promise<{ items: OutreachItem[]; queries: number }> {
    const counter = new QueryCounter();
    const r = await runOperation({ ...t, store: { ...t.store, db: t.store.db.withPlugin(counter) } }, outreachToday, { limit: 100 }) as { items: OutreachItem[] };
    return { items: r.items, queries: counter.count };
  }

  it('composes every draft with the same number of queries for 4 people as for 16', async () => {
    await overdue(0, 4);
    const few = await outreach();
    expect(few.items).toHaveLength(4);
    await overdue(4, 12);
    const many = await outreach();
    expect(many.items).toHaveLength(16);
    expect(many.queries).toBe(few.queries);
    // Each draft is still its own person's: their name and their last topic.
    for (const item of many.items) {
      const n = /Person (\d+)/.exec(item.contactName)![1];
      expect(item.draft.contactName).toBe(`Person ${n}`);
      expect(item.draft.to).toEqual([`p${n}@example.org`]);
      expect(item.draft.values.lastTopic).toBe(`topic ${n}`);
    }
  });
});
