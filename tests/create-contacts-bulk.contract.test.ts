import type { CompiledQuery, Kysely, KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../src/domain/contact.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { organisationCreate } from '../src/services/organisations.service.ts';
import { createContacts } from '../src/services/support/create-contacts.ts';
import { countRows } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Counts the INSERT statements a piece of work sends into one table: built with Kysely (seen by this plugin) or
// written as text and run with executeQuery (seen by watch()).
class InsertCounter implements KyselyPlugin {
  count = 0;
  constructor(private readonly table: string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === this.table) this.count++;
    return node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
  watch<D>(db: Kysely<D>): Kysely<D> {
    const counted = db.withPlugin(this);
    return new Proxy(counted, {
      get: (target, prop) => {
        if (prop !== 'executeQuery') {
          // Kysely keeps its state in private fields, which only the real object can reach.
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
        return (query: CompiledQuery) => {
          if (new RegExp(`^\\s*insert\\s+into\\s+"?${this.table}"?\\s`, 'i').test(query.sql)) this.count++;
          return target.executeQuery(query);
        };
      },
    });
  }
}

describe.each(DIALECTS)('creating many contacts on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  it('inserts the organisations they name in one statement, each once, reusing a stored one whatever its case', async () => {
    await t.run(organisationCreate, { name: 'Analytical Engines' });
    const drafts = Array.from({ length: 30 }, (_, i) => contactInputSchema.parse({
      name: `Person ${i}`, organisation: i % 10 === 0 ? 'analytical engines' : `Company ${i % 10}`,
    }));
    const counter = new InsertCounter('organisations');
    const { ids } = await t.store.transaction((tx) => createContacts({ clock: t.clock, store: { ...tx, db: counter.watch(tx.db) } }, drafts));
    expect(counter.count).toBe(1);
    expect(await countRows(t, 'organisations')).toBe(10);
    const contacts = await Promise.all(ids.map((id) => t.run(contactGet, { id })));
    expect(contacts.map((c) => c.organisation)).toEqual(drafts.map((_, i) => (i % 10 === 0 ? 'Analytical Engines' : `Company ${i % 10}`)));
  });
});
