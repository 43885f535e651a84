import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../src/domain/contact.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { organisationCreate } from '../src/services/organisations.service.ts';
import { createContacts } from '../src/services/support/create-contacts.ts';
import { countRows } from './support/builders.ts';
import { QueryCounter } from './support/query-counter.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('creating many contacts on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  it('inserts the organisations they name in one statement, each once, reusing a stored one whatever its case', async () => {
    await t.run(organisationCreate, { name: 'Analytical Engines' });
    const drafts = Array.from({ length: 30 }, (_, i) => contactInputSchema.parse({
      name: `Person ${i}`, organisation: i % 10 === 0 ? 'analytical engines' : `Company ${i % 10}`,
    }));
    const counter = new QueryCounter('organisations');
    const { ids } = await t.store.transaction((tx) => createContacts({ clock: t.clock, store: { ...tx, db: counter.watch(tx.db) } }, drafts));
    expect(counter.count).toBe(1);
    expect(await countRows(t, 'organisations')).toBe(10);
    const contacts = await Promise.all(ids.map((id) => t.run(contactGet, { id })));
    expect(contacts.map((c) => c.organisation)).toEqual(drafts.map((_, i) => (i % 10 === 0 ? 'Analytical Engines' : `Company ${i % 10}`)));
  });
});
