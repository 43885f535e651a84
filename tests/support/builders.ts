import { contactCreate } from '../../src/services/contacts.service.ts';
import type { TestContext } from './stores.ts';

// A contact by name with whatever else the test cares about; returns its id.
export async function addContact(t: TestContext, name: string, fields: Record<string, unknown> = {}): Promise<number> {
  const { contact } = await t.run(contactCreate, { name, ...fields });
  return contact.id;
}

export async function countRows(t: TestContext, table: 'goals' | 'goal_contacts' | 'events' | 'event_attendees' | 'follow_ups' | 'links' | 'contact_tags' | 'organisations' | 'actions'): Promise<number> {
  const row = await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
