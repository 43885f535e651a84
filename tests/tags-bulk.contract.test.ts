import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionTypeAdd, connectionTypeList } from '../src/services/connection-types.service.ts';
import { contactBulkUpdate } from '../src/services/contacts-bulk.service.ts';
import { contactCreate, contactGet, contactUpdate } from '../src/services/contacts.service.ts';
import { tagAdd, tagList, tagRemove } from '../src/services/tags.service.ts';
import { addContact, countRows } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('tags, bulk edits and connection types on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const get = (id: number) => t.run(contactGet, { id });
  const search = (q: string) => t.store.search.search(t.store.db, t.store.workspaceId, q, 10);

  it('tags several contacts at once, once each, and counts every tag', async () => {
    const ada = await addContact(t, 'Ada', { tags: ['math'] });
    const bob = await addContact(t, 'Bob');
    await expect(t.run(tagAdd, { ids: [ada, bob], tags: ['Mentor', 'math'] })).resolves.toEqual({ added: 3 });
    await expect(t.run(tagAdd, { ids: [ada, bob], tags: ['mentor'] })).resolves.toEqual({ added: 0 });
    // Tags keep the case first given, and "mentor" is the same tag as "Mentor".
    expect((await get(ada)).tags).toEqual(['math', 'Mentor']);
    expect(await t.run(tagList, {})).toEqual([{ tag: 'math', count: 2 }, { tag: 'Mentor', count: 2 }]);
  });

  it('makes tagged contacts findable by the tag, and no longer once it is removed', async () => {
    const ada = await addContact(t, 'Ada');
    const bob = await addContact(t, 'Bob');
    await t.run(tagAdd, { ids: [ada, bob], tags: ['quantum'] });
    expect((await search('quantum')).sort()).toEqual([ada, bob].sort());
    await expect(t.run(tagRemove, { ids: [ada], tags: ['quantum', 'absent'] })).resolves.toEqual({ removed: 1 });
    expect(await search('quantum')).toEqual([bob]);
    expect(await t.run(tagList, {})).toEqual([{ tag: 'quantum', count: 1 }]);
  });

  it('rejects an unknown contact or a bad tag and writes nothing', async () => {
    const ada = await addContact(t, 'Ada');
    await expect(t.run(tagAdd, { ids: [ada, 999], tags: ['x'] })).rejects.toMatchObject({ code: 'not_found', message: 'ids: no contact with id 999' });
    await expect(t.run(tagAdd, { ids: [ada], tags: ['a,b'] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('tags.0: a tag cannot contain a comma') });
    expect(await countRows(t, 'contact_tags')).toBe(0);
  });

  it('replaces networks of several contacts and moves their next due date with the new cadence', async () => {
    // growing-in-role defaults: operational 30 days, personal 60, strategic 90, no network 180; clock 2026-11-23.
    const ada = await addContact(t, 'Ada');
    const bob = await addContact(t, 'Bob', { networks: ['strategic'] });
    expect([(await get(ada)).nextDueOn, (await get(bob)).nextDueOn]).toEqual(['2027-05-22', '2027-02-21']);
    await expect(t.run(contactBulkUpdate, { ids: [ada, bob], networks: ['operational'] })).resolves.toEqual({ updated: 2 });
    expect(await get(ada)).toMatchObject({ networks: ['operational'], nextDueOn: '2026-12-23' });
    expect(await get(bob)).toMatchObject({ networks: ['operational'], nextDueOn: '2026-12-23' });
  });

  it('adds and removes networks without touching the others, and sets the connection type', async () => {
    const ada = await addContact(t, 'Ada', { networks: ['strategic'] });
    const bob = await addContact(t, 'Bob', { networks: ['operational', 'strategic'] });
    await t.run(contactBulkUpdate, { ids: [ada, bob], addNetworks: ['personal'], removeNetworks: ['strategic'], connectionType: 'mentor' });
    expect(await get(ada)).toMatchObject({ networks: ['personal'], connectionType: 'mentor', nextDueOn: '2027-01-22' });
    expect(await get(bob)).toMatchObject({ networks: ['operational', 'personal'], connectionType: 'mentor', nextDueOn: '2026-12-23' });
    await t.run(contactBulkUpdate, { ids: [ada], connectionType: null });
    expect((await get(ada)).connectionType).toBe(null);
  });

  it('rejects a bulk edit that is unknown, contradictory or empty, changing nobody', async () => {
    const ada = await addContact(t, 'Ada', { networks: ['personal'] });
    await expect(t.run(contactBulkUpdate, { ids: [ada], connectionType: 'wizard' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('connectionType: unknown connection type "wizard"') });
    await expect(t.run(contactBulkUpdate, { ids: [ada, 404], networks: ['strategic'] })).rejects.toMatchObject({ code: 'not_found', message: 'ids: no contact with id 404' });
    await expect(t.run(contactBulkUpdate, { ids: [ada], networks: ['social'] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('networks.0: unknown network "social"') });
    await expect(t.run(contactBulkUpdate, { ids: [ada], networks: [], addNetworks: ['personal'] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/^networks: give either/) });
    await expect(t.run(contactBulkUpdate, { ids: [ada] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('nothing to change') });
    expect(await get(ada)).toMatchObject({ networks: ['personal'], nextDueOn: '2027-01-22' });
  });

  it('contact.update leaves lists it was not given alone', async () => {
    const { contact } = await t.run(contactCreate, { name: 'Ada', emails: ['ada@example.org'], tags: ['math'], networks: ['personal'] });
    await t.run(contactUpdate, { id: contact.id, title: 'Countess' });
    expect(await get(contact.id)).toMatchObject({ title: 'Countess', emails: [{ address: 'ada@example.org' }], tags: ['math'], networks: ['personal'] });
  });

  it('lists built-in and custom connection types, and adds a custom one usable at once', async () => {
    const builtIn = await t.run(connectionTypeList, {});
    expect(builtIn).toContainEqual({ key: 'mentor', label: 'Mentor', defaultNetwork: 'personal', builtIn: true });
    await expect(t.run(connectionTypeAdd, { key: 'Board-Member', defaultNetwork: 'strategic' }))
      .resolves.toEqual({ key: 'board-member', label: 'Board member', defaultNetwork: 'strategic', builtIn: false });
    expect(await t.run(connectionTypeList, {})).toHaveLength(builtIn.length + 1);
    const ada = await addContact(t, 'Ada', { connectionType: 'board-member' });
    expect((await get(ada)).connectionType).toBe('board-member');
  });

  it('refuses a connection type that exists, built in or custom, and a malformed key', async () => {
    await expect(t.run(connectionTypeAdd, { key: 'mentor', defaultNetwork: 'personal' })).rejects.toMatchObject({ code: 'conflict', message: 'key: connection type "mentor" already exists (built in: Mentor)' });
    await t.run(connectionTypeAdd, { key: 'investor', label: 'Angel investor', defaultNetwork: 'strategic' });
    await expect(t.run(connectionTypeAdd, { key: 'investor', defaultNetwork: 'strategic' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('added by you: Angel investor') });
    await expect(t.run(connectionTypeAdd, { key: 'board member', defaultNetwork: 'strategic' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('key: a connection type key is lowercase') });
    await expect(t.run(connectionTypeAdd, { key: 'peer', defaultNetwork: 'social' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('defaultNetwork: unknown network "social"') });
  });
});
