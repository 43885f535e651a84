import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionCreate } from '../src/services/actions.service.ts';
import { communityAddMember } from '../src/services/communities.service.ts';
import { search } from '../src/services/contact-list.service.ts';
import { contactCreate, contactGet } from '../src/services/contacts.service.ts';
import { duplicatesList } from '../src/services/duplicates.service.ts';
import { eventAttend } from '../src/services/events.service.ts';
import { followUpAdd } from '../src/services/follow-ups.service.ts';
import { goalLink } from '../src/services/goals.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { contactMerge } from '../src/services/merge.service.ts';
import { CONTACT_REFERENCES } from '../src/store/repositories/merge.repository.ts';
import { outreachDb } from '../src/store/repositories/templates.repository.ts';
import { buildWorld, type World } from './backup-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('duplicates and merge on %s', (dialect) => {
  let t: TestContext;
  let world: World;
  beforeEach(async () => {
    t = await testContext(dialect);
    world = await buildWorld(t);
  });
  afterEach(async () => { await t.close(); });

  const add = async (input: Record<string, unknown>) => (await t.run(contactCreate, input)).contact;
  const count = async (table: 'contacts' | 'links' | 'interaction_participants', where?: [string, number]) => {
    let q = t.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) q = q.where(sql.ref(where[0]), '=', where[1]);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('lists likely duplicates with every reason', async () => {
    const twin = await add({ name: 'Ada King Lovelace', organisation: 'Analytical Engines', emails: ['ADA@example.org'], webLinks: ['linkedin.com/in/ada/'] });
    const phoneTwin = await add({ name: 'G. Hopper', phones: ['(555) 010-2000'] });
    const namesake = await add({ name: 'Ada Lovelace', organisation: 'Someone Else Ltd' });
    const page = await t.run(duplicatesList, {});
    const byPair = new Map(page.items.map((p) => [`${p.a.id}-${p.b.id}`, p.reasons]));
    expect(byPair.get(`${world.ada.id}-${twin.id}`)).toEqual(['same email ada@example.org', 'same LinkedIn profile https://www.linkedin.com/in/ada', 'similar name and same organisation']);
    expect(byPair.get(`${world.grace.id}-${phoneTwin.id}`)).toEqual(['same phone number 555-010-2000']);
    expect(byPair.has(`${world.ada.id}-${namesake.id}`)).toBe(false);
    expect(page.total).toBe(2);
  });

  it('A absorbs B: every interaction, link, tag, follow-up, goal, action, event, community, email and phone; B is erased', async () => {
    const { ada, charles, grace } = world;
    const b = await add({ name: 'A. Lovelace', emails: ['countess@example.org', 'ada@example.org'], phones: ['+44 20 7946 0001'], tags: ['victorian', 'math'], notes: 'Wrote the first program', networks: ['operational'], industry: 'Mathematics' });
    await t.run(interactionLog, { contactIds: [b.id], occurredAt: '2026-11-20', kind: 'email', summary: 'Sent her notes on Menabrea' });
    await t.run(interactionLog, { contactIds: [ada.id, b.id], occurredAt: '2026-11-15', kind: 'meeting' });
    await t.run(linkAdd, { aId: b.id, bId: grace.id, strength: 2 });
    await t.run(linkAdd, { aId: b.id, bId: charles.id, strength: 5 });
    await t.run(linkAdd, { aId: b.id, bId: ada.id });
    await t.run(followUpAdd, { contactId: b.id, dueOn: '2026-12-20', reason: 'Ask about the Notes' });
    await t.run(goalLink, { id: world.goalId, contactIds: [b.id] });
    await t.run(actionCreate, { kind: 'coffee', description: 'Coffee with A.', dueOn: '2026-12-10', contactId: b.id });
    await t.run(eventAttend, { eventId: world.eventId, contactIds: [b.id], metThere: true });
    await t.run(communityAddMember, { id: world.communityId, contactIds: [b.id], role: 'Reviewer' });
    await outreachDb(t.store).insertInto('sent_messages').values({ workspace_id: 1, interaction_id: world.interaction.id, contact_id: b.id, template: null, subject: 'Hi', body: 'Hello', channel: 'email', via: 'mailto', sent_at: '2026-11-20T10:00:00.000Z' }).execute();

    const result = await t.run(contactMerge, { keepId: ada.id, mergeId: b.id });
    const after = result.contact;
    expect(after).toMatchObject({ id: ada.id, name: 'Ada Lovelace', industry: 'Computing', networks: ['operational', 'personal', 'strategic'], tags: ['math', 'poetry', 'victorian'] });
    expect(after.emails.map((e) => e.address)).toEqual(['ada@example.org', 'ada@home.example', 'countess@example.org']);
    expect(after.phones.map((p) => p.number)).toEqual(['+44 20 7946 0000', '+44 20 7946 0001']);
    expect(after.notes).toBe('Poetical science.\nLine two; with, punctuation\\\n\nWrote the first program\n\nAlso known as A. Lovelace');
    await expect(t.run(contactGet, { id: b.id })).rejects.toMatchObject({ code: 'not_found' });

    const refs = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where contact_id = ${b.id}`.execute(t.store.db)).rows[0]!.n);
    for (const table of ['interaction_participants', 'follow_ups', 'goal_contacts', 'actions', 'event_attendees', 'community_members', 'sent_messages', 'contact_emails', 'contact_tags']) {
      expect(await refs(table), table).toBe(0);
    }
    // Three interactions of Ada's own, Ada+B's meeting once, B's email: all Ada's now.
    expect(await count('interaction_participants', ['contact_id', ada.id])).toBe(3);
    expect(after.lastInteractionAt).toBe('2026-11-20T12:00:00.000Z');
    const links = await t.store.db.selectFrom('links').selectAll().where((eb) => eb.or([eb('a_id', '=', ada.id), eb('b_id', '=', ada.id)])).orderBy('b_id').execute();
    expect(links.map((l) => [l.a_id, l.b_id, l.strength])).toEqual([[ada.id, charles.id, 5], [ada.id, grace.id, 2]]);
    expect(await count('links', ['a_id', b.id]) + await count('links', ['b_id', b.id])).toBe(0);
    const attendance = await t.store.db.selectFrom('event_attendees').selectAll().where('contact_id', '=', ada.id).executeTakeFirstOrThrow();
    expect(attendance.met_there).toBe(1);
    const membership = await t.store.db.selectFrom('community_members').selectAll().where('contact_id', '=', ada.id).executeTakeFirstOrThrow();
    expect(membership.role).toBe('Fellow');
    expect((await t.run(search, { query: 'Menabrea' })).map((c) => c.id)).toEqual([ada.id]);
  });

  it('refuses to merge a contact with itself or with someone who does not exist, changing nothing', async () => {
    await expect(t.run(contactMerge, { keepId: world.ada.id, mergeId: world.ada.id })).rejects.toThrow('mergeId: a contact cannot be merged with itself');
    await expect(t.run(contactMerge, { keepId: world.ada.id, mergeId: 9999 })).rejects.toMatchObject({ code: 'not_found' });
    expect(await count('contacts')).toBe(4);
  });

  it.runIf(dialect === 'sqlite')('moves every table that points at a contact (a new one must be added to merge)', async () => {
    const tables = await t.store.db.introspection.getTables();
    const pointing: string[] = [];
    for (const table of tables) {
      const fks = await sql<{ table: string; from: string }>`select * from pragma_foreign_key_list(${table.name})`.execute(t.store.db);
      for (const fk of fks.rows) if (fk.table === 'contacts') pointing.push(`${table.name}.${fk.from}`);
    }
    expect(pointing.sort()).toEqual(CONTACT_REFERENCES.map(([table, column]) => `${table}.${column}`).sort());
  });
});
