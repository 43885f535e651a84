import { communityAddMember, communityCreate } from '../../src/services/communities.service.ts';
import { eventCreate } from '../../src/services/events.service.ts';
import { goalCreate } from '../../src/services/goals.service.ts';
import { interactionLog } from '../../src/services/interactions.service.ts';
import { settingsUpdate } from '../../src/services/settings.service.ts';
import { addContact } from './builders.ts';
import type { TestContext } from './stores.ts';

export interface World {
  ana: number;
  jordan: number;
  goal: number;
  event: number;
}

// A demo-like person: met at a meetup last Thursday, a shared association, a goal, a topic, help received.
export async function buildWorld(t: TestContext): Promise<World> {
  await t.run(settingsUpdate, { myName: 'Sam Rivera' });
  const ana = await addContact(t, 'Ana Ruiz', {
    emails: ['ana@example.org'], organisation: 'Acme', title: 'Head of Data', metWhere: 'the PyData London meetup',
    webLinks: ['https://www.linkedin.com/in/anaruiz'],
  });
  const jordan = await addContact(t, 'Jordan Lee', { organisation: 'Beta', title: 'Staff Engineer' });
  const community = await t.run(communityCreate, { name: 'the Women in Data association', kind: 'association' });
  await t.run(communityAddMember, { id: community.id, contactIds: [ana] });
  const event = await t.run(eventCreate, { name: 'PyData London', kind: 'meetup', date: '2026-11-19', attendees: [{ contactId: ana, metThere: true }] });
  await t.run(interactionLog, { contactIds: [ana], occurredAt: '2026-10-01', kind: 'call', value: 'received', valueNote: 'the hour you spent on our migration plan' });
  await t.run(interactionLog, { contactIds: [ana], occurredAt: '2026-11-19T20:00:00Z', kind: 'event', summary: 'Talked about data contracts between teams.' });
  const goal = await t.run(goalCreate, { kind: 'job', description: 'a move into engineering management', contactIds: [ana] });
  return { ana, jordan, goal: goal.id, event: event.id };
}
