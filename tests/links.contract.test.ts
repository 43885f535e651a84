import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactErase } from '../src/services/contacts.service.ts';
import { linkAdd, linkList, linkRemove } from '../src/services/links.service.ts';
import { addContact, countRows } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('links on %s', (dialect) => {
  let t: TestContext;
  let ada: number, bob: number, cy: number;
  beforeEach(async () => {
    t = await testContext(dialect);
    ada = await addContact(t, 'Ada');
    bob = await addContact(t, 'Bob');
    cy = await addContact(t, 'Cy');
  });
  afterEach(async () => { await t.close(); });

  const add = (input: Record<string, unknown>) => t.run(linkAdd, input);
  const list = (input: Record<string, unknown> = {}) => t.run(linkList, input);

  it('stores a pair once whichever way round it is given', async () => {
    const link = await add({ aId: cy, bId: ada, strength: 4, note: 'co-authors' });
    expect(link).toEqual({ aId: ada, aName: 'Ada', bId: cy, bName: 'Cy', strength: 4, note: 'co-authors' });
    await add({ aId: ada, bId: cy });
    expect(await countRows(t, 'links')).toBe(1);
  });

  it('re-adding updates strength and note given, and keeps those left out', async () => {
    await add({ aId: ada, bId: bob, strength: 2, note: 'met at PyCon' });
    expect(await add({ aId: bob, bId: ada, strength: 5 })).toMatchObject({ strength: 5, note: 'met at PyCon' });
    expect(await add({ aId: ada, bId: bob, note: 'now close friends' })).toMatchObject({ strength: 5, note: 'now close friends' });
  });

  it('rejects an unknown contact, a self-link and a strength out of range, naming the field and value', async () => {
    await expect(add({ aId: ada, bId: 999 })).rejects.toMatchObject({ code: 'not_found', message: 'bId: no contact with id 999' });
    await expect(add({ aId: 998, bId: ada })).rejects.toMatchObject({ code: 'not_found', message: 'aId: no contact with id 998' });
    await expect(add({ aId: ada, bId: ada })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('bId: a contact cannot be linked to itself') });
    await expect(add({ aId: ada, bId: bob, strength: 9 })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('strength') });
    expect(await countRows(t, 'links')).toBe(0);
  });

  it('lists whom one contact knows, strongest first, with that contact always as a', async () => {
    await add({ aId: ada, bId: bob, strength: 2 });
    await add({ aId: cy, bId: bob, strength: 5 });
    await add({ aId: ada, bId: cy });
    const ofBob = await list({ contactId: String(bob) });
    expect(ofBob.total).toBe(2);
    expect(ofBob.items.map((l) => [l.aName, l.bName, l.strength])).toEqual([['Bob', 'Cy', 5], ['Bob', 'Ada', 2]]);
    await expect(list({ contactId: 999 })).rejects.toMatchObject({ code: 'not_found', message: 'contactId: no contact with id 999' });
  });

  it('lists every link, paged', async () => {
    await add({ aId: ada, bId: bob });
    await add({ aId: bob, bId: cy });
    await add({ aId: ada, bId: cy });
    const first = await list({ limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((l) => `${l.aName}-${l.bName}`)).toEqual(['Ada-Bob', 'Ada-Cy']);
    expect((await list({ limit: 2, offset: 2 })).items.map((l) => `${l.aName}-${l.bName}`)).toEqual(['Bob-Cy']);
  });

  it('removes a link given either way round; removing one that is not there names both ids', async () => {
    await add({ aId: ada, bId: bob });
    await expect(t.run(linkRemove, { aId: String(bob), bId: String(ada) })).resolves.toEqual({ removed: true });
    expect((await list()).total).toBe(0);
    await expect(t.run(linkRemove, { aId: ada, bId: bob })).rejects.toMatchObject({ code: 'not_found', message: `link not found: contacts ${ada} and ${bob} are not linked` });
  });

  it('erasing a contact takes their links with them', async () => {
    await add({ aId: ada, bId: bob });
    await t.run(contactErase, { ids: [bob] });
    expect((await list({ contactId: ada })).items).toEqual([]);
  });
});
