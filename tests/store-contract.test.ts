import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { contactArchive, contactCreate, contactErase, contactGet, contactResolve, contactUpdate } from '../src/services/contacts.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('contacts on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const add = (input: Record<string, unknown>) => t.run(contactCreate, input);

  it('stores a contact with networks, type, organisation, emails and tags', async () => {
    const { contact } = await add({
      name: 'Ada Lovelace', organisation: 'Analytical Engines', networks: ['strategic', 'personal'], connectionType: 'mentor',
      emails: ['ADA@example.org'], tags: ['math', 'Math'], phones: ['+44 20 7946 0000'], webLinks: ['linkedin.com/in/ada'],
    });
    const read = await t.run(contactGet, { id: contact.id });
    expect(read).toMatchObject({
      name: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace', organisation: 'Analytical Engines',
      networks: ['personal', 'strategic'], connectionType: 'mentor', emails: [{ address: 'ADA@example.org' }], tags: ['math'],
      webLinks: [{ url: 'https://linkedin.com/in/ada' }], archived: false,
    });
  });

  it('rejects a malformed email naming the field and value, and writes nothing', async () => {
    await expect(add({ name: 'Bad', emails: ['not-an-email'] })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/emails\.0.*not-an-email/) });
    await expect(add({ name: 'Bad', connectionType: 'wizard' })).rejects.toThrow(/connectionType: unknown connection type "wizard"/);
    await expect(add({ name: '  ' })).rejects.toThrow(/name: a contact needs a name/);
    await expect(add({ name: 'Bad', networks: ['social'] })).rejects.toThrow(/networks\.0: unknown network "social"/);
    const count = await t.store.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('warns when an email already belongs to someone, naming them', async () => {
    const first = await add({ name: 'Charles Babbage', emails: ['charles@example.org'] });
    const second = await add({ name: 'C. Babbage', emails: ['charles@example.org'] });
    expect(second.warnings).toEqual([`email charles@example.org already belongs to Charles Babbage (#${first.contact.id})`]);
  });

  it('resolves a contact by id or unambiguous name part, and lists candidates when ambiguous', async () => {
    const ada = await add({ name: 'Ada Lovelace' });
    await add({ name: 'Adam Smith' });
    await expect(t.run(contactResolve, { ref: 'lovelace' })).resolves.toMatchObject({ id: ada.contact.id });
    await expect(t.run(contactResolve, { ref: String(ada.contact.id) })).resolves.toMatchObject({ name: 'Ada Lovelace' });
    const err = await t.run(contactResolve, { ref: 'ada' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RapportError);
    expect((err as RapportError).code).toBe('ambiguous');
    expect((err as RapportError).candidates.map((c) => c.label).sort()).toEqual(['Ada Lovelace', 'Adam Smith']);
    await expect(t.run(contactResolve, { ref: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('updates only the fields given and clears with null', async () => {
    const { contact } = await add({ name: 'Grace Hopper', title: 'Rear Admiral', notes: 'COBOL' });
    const { contact: after } = await t.run(contactUpdate, { id: contact.id, title: null, networks: ['operational'] });
    expect(after).toMatchObject({ title: null, notes: 'COBOL', networks: ['operational'] });
  });

  it('archives and erases; erase removes the person everywhere', async () => {
    const { contact } = await add({ name: 'Temp Person', emails: ['t@example.org'], tags: ['x'] });
    await t.run(contactArchive, { ids: [contact.id] });
    expect((await t.run(contactGet, { id: contact.id })).archived).toBe(true);
    await t.run(contactErase, { ids: [contact.id] });
    await expect(t.run(contactGet, { id: contact.id })).rejects.toMatchObject({ code: 'not_found' });
    const left = await t.store.db.selectFrom('contact_emails').selectAll().execute();
    expect(left).toEqual([]);
  });
});
