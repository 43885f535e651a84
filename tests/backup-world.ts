import type { Contact } from '../src/domain/contact.ts';
import type { Interaction } from '../src/domain/entities.ts';
import { actionCreate } from '../src/services/actions.service.ts';
import { communityAddMember, communityCreate } from '../src/services/communities.service.ts';
import { connectionTypeAdd } from '../src/services/connection-types.service.ts';
import { contactArchive, contactCreate } from '../src/services/contacts.service.ts';
import { eventCreate } from '../src/services/events.service.ts';
import { contactSnooze, followUpAdd, followUpDone } from '../src/services/follow-ups.service.ts';
import { goalCreate } from '../src/services/goals.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { organisationCreate } from '../src/services/organisations.service.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { outreachDb } from '../src/store/repositories/templates.repository.ts';
import type { TestContext } from './support/stores.ts';

// A 1x1 PNG: a real picture, so a photo that went through a round trip can be checked byte for byte.
export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export interface World {
  ada: Contact;
  charles: Contact;
  grace: Contact;
  alan: Contact;
  interaction: Interaction;
  goalId: number;
  eventId: number;
  communityId: number;
}

// One of everything Rapport stores, with the awkward cases (archived, snoozed, done, shared, unicode, a photo).
export async function buildWorld(t: TestContext): Promise<World> {
  const run = t.run;
  await run(settingsUpdate, { situation: 'job-seeking', myName: 'Me Myself', cadenceOverrides: { strategic: 21 } });
  await run(connectionTypeAdd, { key: 'podcast-guest', label: 'Podcast guest', defaultNetwork: 'strategic' });
  const mine = await run(organisationCreate, { name: 'My Company', isMine: true, industry: 'Software' });
  const add = async (input: Record<string, unknown>) => (await run(contactCreate, input)).contact;
  const ada = await add({
    name: 'Ada Lovelace', emails: [{ address: 'ada@example.org', label: 'work' }, 'ada@home.example'], phones: ['+44 20 7946 0000'],
    webLinks: [{ url: 'https://www.linkedin.com/in/ada', label: 'LinkedIn' }], organisation: 'Analytical Engines', title: 'Countess',
    location: 'London, UK', birthday: '--12-10', metHow: 'Introduced by Charles', metWhere: 'Royal Society', notes: 'Poetical science.\nLine two; with, punctuation\\',
    tags: ['math', 'poetry'], networks: ['strategic', 'personal'], connectionType: 'mentor', industry: 'Computing', cadenceDays: 45, photo: PNG,
  });
  const charles = await add({ name: 'Charles Babbage', emails: ['charles@example.org'], organisation: 'My Company', networks: ['operational'], connectionType: 'podcast-guest' });
  const grace = await add({ name: 'Grace Hopper 🔸 Ünïcödé', insideOrganisation: false, phones: ['555-010-2000'] });
  const alan = await add({ name: 'Alan Turing', tags: ['crypto'] });
  await run(contactArchive, { ids: [alan.id] });
  void mine;
  const interaction = await run(interactionLog, {
    contactIds: [ada.id, charles.id], occurredAt: '2026-10-01T09:30:00Z', kind: 'coffee', summary: 'Talked engines', value: 'given', valueNote: 'intro to Grace', gratitude: true,
  });
  await run(interactionLog, { contactIds: [grace.id], occurredAt: '2026-11-01', kind: 'call' });
  const fu = await run(followUpAdd, { contactId: ada.id, dueOn: '2026-12-01', reason: 'Send the paper' });
  await run(followUpAdd, { contactId: charles.id, dueOn: '2026-11-30', reason: 'Thank for the coffee' });
  await run(followUpDone, { id: fu.id });
  await run(contactSnooze, { ids: [grace.id], days: 60 });
  await run(linkAdd, { aId: ada.id, bId: charles.id, strength: 4, note: 'collaborators' });
  await run(linkAdd, { aId: grace.id, bId: charles.id });
  const goal = await run(goalCreate, { kind: 'mentorship', description: 'Find a mentor in computing', targetDate: '2027-03-01', contactIds: [ada.id], organisationIds: [mine.id] });
  await run(actionCreate, { kind: 'coffee', description: 'Coffee with Ada', dueOn: '2026-12-05', goalId: goal.id, contactId: ada.id });
  await run(actionCreate, { kind: 'other', description: 'Update CV', dueOn: null });
  const community = await run(communityCreate, { name: 'Royal Society', kind: 'association', notes: 'since 1660' });
  await run(communityAddMember, { id: community.id, contactIds: [ada.id], role: 'Fellow' });
  await run(communityAddMember, { id: community.id, contactIds: [charles.id] });
  const event = await run(eventCreate, {
    name: 'Engines Meetup', kind: 'meetup', date: '2026-11-10', place: 'London', communityId: community.id,
    attendees: [{ contactId: ada.id, metThere: true }, { contactId: grace.id, metThere: false }],
  });
  const now = t.clock.now().toISOString();
  const db = outreachDb(t.store);
  await db.insertInto('message_templates').values({ workspace_id: t.store.workspaceId, key: 'my-thanks', definition: '{"key":"my-thanks","parts":["Thank you"]}', created_at: now, updated_at: now }).execute();
  await db.insertInto('sent_messages').values({
    workspace_id: t.store.workspaceId, interaction_id: interaction.id, contact_id: ada.id, template: 'my-thanks', subject: 'Thanks', body: 'Thank you, Ada.', channel: 'email', via: 'mailto', sent_at: now,
  }).execute();
  return { ada, charles, grace, alan, interaction, goalId: goal.id, eventId: event.id, communityId: community.id };
}
