import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactGet, contactUpdate } from '../src/services/contacts.service.ts';
import { goalCreate, goalGet } from '../src/services/goals.service.ts';
import {
  organisationCreate, organisationDelete, organisationGet, organisationList, organisationUpdate,
} from '../src/services/organisations.service.ts';
import { addContact, countRows } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('organisations on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const create = (input: Record<string, unknown>) => t.run(organisationCreate, input);
  const inside = async (id: number) => (await t.run(contactGet, { id })).insideOrganisation;

  it('stores an organisation and reads it back with its contacts', async () => {
    const org = await create({ name: ' Analytical Engines ', industry: 'Computing', website: 'https://engines.example' });
    expect(org).toMatchObject({ name: 'Analytical Engines', industry: 'Computing', isMine: false, notes: null, contactCount: 0 });
    const ada = await addContact(t, 'Ada Lovelace', { organisation: 'analytical engines', title: 'Analyst' });
    const detail = await t.run(organisationGet, { id: String(org.id) });
    expect(detail.contactCount).toBe(1);
    expect(detail.contacts).toEqual([{ id: ada, name: 'Ada Lovelace', title: 'Analyst' }]);
  });

  it('refuses a second organisation with the same name ignoring case and accents, naming the existing one', async () => {
    const first = await create({ name: 'Café Noir' });
    await expect(create({ name: 'CAFE NOIR' })).rejects.toMatchObject({
      code: 'conflict', message: `name: an organisation named "Café Noir" already exists (#${first.id})`,
    });
    const other = await create({ name: 'Tea House' });
    await expect(t.run(organisationUpdate, { id: other.id, name: 'cafe noir' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('"Café Noir"') });
    expect(await countRows(t, 'organisations')).toBe(2);
    await expect(t.run(organisationUpdate, { id: first.id, name: 'CAFÉ NOIR' })).resolves.toMatchObject({ name: 'CAFÉ NOIR' });
  });

  it('names a missing organisation by id, and rejects an empty name', async () => {
    await expect(t.run(organisationGet, { id: 404 })).rejects.toMatchObject({ code: 'not_found', message: 'organisation not found: 404' });
    await expect(t.run(organisationUpdate, { id: 404, notes: 'x' })).rejects.toMatchObject({ code: 'not_found', message: 'organisation not found: 404' });
    await expect(t.run(organisationDelete, { id: 404 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(create({ name: '  ' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('name: an organisation needs a name') });
  });

  it('lists organisations by name, paged, with contact counts and a name filter', async () => {
    for (const name of ['Zeta Labs', 'Analytical Engines', 'Ångström Optics']) await create({ name });
    await addContact(t, 'Ada', { organisation: 'Analytical Engines' });
    await addContact(t, 'Charles', { organisation: 'Analytical Engines' });
    const page = await t.run(organisationList, { limit: '2' });
    expect(page.total).toBe(3);
    expect(page.items.map((o) => [o.name, o.contactCount])).toEqual([['Analytical Engines', 2], ['Ångström Optics', 0]]);
    const next = await t.run(organisationList, { limit: 2, offset: 2 });
    expect(next.items.map((o) => o.name)).toEqual(['Zeta Labs']);
    const filtered = await t.run(organisationList, { query: 'ANGST' });
    expect(filtered).toMatchObject({ total: 1, items: [{ name: 'Ångström Optics' }] });
  });

  it('marking an organisation mine moves its people inside, except those set by hand, and unmarking moves them back', async () => {
    const acme = await create({ name: 'Acme' });
    const derived = await addContact(t, 'Derived Dee', { organisation: 'Acme' });
    const outsider = await addContact(t, 'Contractor Carl', { organisation: 'Acme', insideOrganisation: false });
    const elsewhere = await addContact(t, 'Elsewhere Eve', { organisation: 'Other Co' });
    expect(await inside(derived)).toBe(false);
    const mine = await t.run(organisationUpdate, { id: acme.id, isMine: true });
    expect(mine.isMine).toBe(true);
    expect([await inside(derived), await inside(outsider), await inside(elsewhere)]).toEqual([true, false, false]);
    // A later, unrelated update must not quietly unmark it (patch fields left out stay as they are).
    await t.run(organisationUpdate, { id: acme.id, notes: 'my employer' });
    expect((await t.run(organisationGet, { id: acme.id })).isMine).toBe(true);
    // Clearing a hand-set value makes the contact follow the organisation again.
    await t.run(contactUpdate, { id: outsider, insideOrganisation: null });
    expect(await inside(outsider)).toBe(true);
    await t.run(organisationUpdate, { id: acme.id, isMine: false });
    expect([await inside(derived), await inside(outsider)]).toEqual([false, false]);
  });

  it('a contact moving to my organisation becomes inside; moving away follows the new one', async () => {
    await create({ name: 'Home Corp', isMine: true });
    const bob = await addContact(t, 'Bob', { organisation: 'Away Inc' });
    await t.run(contactUpdate, { id: bob, organisation: 'home corp' });
    expect(await inside(bob)).toBe(true);
    await t.run(contactUpdate, { id: bob, organisation: null });
    expect(await inside(bob)).toBe(null);
  });

  it('deleting an organisation keeps its contacts, without an organisation, and drops it from goals', async () => {
    const acme = await create({ name: 'Acme', isMine: true });
    const dee = await addContact(t, 'Dee', { organisation: 'Acme' });
    const goal = await t.run(goalCreate, { kind: 'job', description: 'Join Acme', organisationIds: [acme.id] });
    await expect(t.run(organisationDelete, { id: acme.id })).resolves.toEqual({ deleted: acme.id, contactsDetached: 1 });
    expect(await t.run(contactGet, { id: dee })).toMatchObject({ organisation: null, organisationId: null, insideOrganisation: null });
    expect((await t.run(goalGet, { id: goal.id })).organisations).toEqual([]);
    expect(await t.store.search.search(t.store.db, t.store.workspaceId, 'acme', 10)).toEqual([]);
  });

  it('renaming an organisation makes its contacts findable by the new name', async () => {
    const org = await create({ name: 'Old Name Ltd' });
    const dee = await addContact(t, 'Dee', { organisation: 'Old Name Ltd' });
    await t.run(organisationUpdate, { id: org.id, name: 'Brightwater' });
    expect(await t.store.search.search(t.store.db, t.store.workspaceId, 'brightwater', 10)).toEqual([dee]);
  });
});
