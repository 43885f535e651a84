import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/domain/settings.ts';
import {
  communityAddMember, communityCreate, communityGet, communityList, communityRemoveMember, communityUpdate,
} from '../src/services/communities.service.ts';
import { eventAttend, eventCreate, eventGet, eventList, eventUnattend } from '../src/services/events.service.ts';
import { saveSettings } from '../src/store/repositories/settings.repository.ts';
import { addContact, countRows } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('events and communities on %s', (dialect) => {
  let t: TestContext;
  let ada: number, bob: number;
  beforeEach(async () => {
    t = await testContext(dialect);
    ada = await addContact(t, 'Ada');
    bob = await addContact(t, 'Bob');
    // Drop the automatic new-contact follow-ups, so every follow-up seen here comes from an event.
    await t.store.db.deleteFrom('follow_ups').execute();
  });
  afterEach(async () => { await t.close(); });

  const event = (input: Record<string, unknown>) => t.run(eventCreate, { name: 'PyData London', kind: 'conference', date: '2026-11-10', ...input });
  const eventFollowUps = () => t.store.db.selectFrom('follow_ups').select(['contact_id', 'due_on', 'reason', 'source', 'event_id']).where('source', '=', 'event').orderBy('contact_id').execute();

  it('records an event with attendees and whom I met there, planning a follow-up for those', async () => {
    const e = await event({ place: 'Barbican', attendees: [{ contactId: ada, metThere: true }, { contactId: bob }] });
    expect(await t.run(eventGet, { id: String(e.id) })).toEqual({
      id: e.id, name: 'PyData London', kind: 'conference', date: '2026-11-10', place: 'Barbican', communityId: null, notes: null,
      attendees: [{ id: ada, name: 'Ada', metThere: true }, { id: bob, name: 'Bob', metThere: false }],
    });
    expect(await eventFollowUps()).toEqual([
      { contact_id: ada, due_on: '2026-11-12', reason: 'Follow up after meeting at PyData London', source: 'event', event_id: e.id },
    ]);
  });

  it('attending with metThere twice plans exactly one follow-up, due the configured days after the event', async () => {
    await saveSettings(t.store, { ...DEFAULT_SETTINGS, eventFollowUpDays: 5 });
    const e = await event({});
    await expect(t.run(eventAttend, { eventId: e.id, contactIds: [ada, bob], metThere: true })).resolves.toMatchObject({ followUpsCreated: 2 });
    await expect(t.run(eventAttend, { eventId: String(e.id), contactIds: [ada], metThere: 'true' })).resolves.toMatchObject({ followUpsCreated: 0 });
    const plans = await eventFollowUps();
    expect(plans.map((f) => [f.contact_id, f.due_on])).toEqual([[ada, '2026-11-15'], [bob, '2026-11-15']]);
    expect((await t.run(eventGet, { id: e.id })).attendees).toHaveLength(2);
  });

  it('attending without meeting plans no follow-up; an unknown contact or event records nothing', async () => {
    const e = await event({});
    await t.run(eventAttend, { eventId: e.id, contactIds: [ada] });
    expect(await eventFollowUps()).toEqual([]);
    await expect(t.run(eventAttend, { eventId: e.id, contactIds: [bob, 404], metThere: true })).rejects.toMatchObject({ code: 'not_found', message: 'contactIds: no contact with id 404' });
    await expect(t.run(eventAttend, { eventId: 999, contactIds: [bob] })).rejects.toMatchObject({ code: 'not_found', message: 'event not found: 999' });
    expect([await countRows(t, 'event_attendees'), await countRows(t, 'follow_ups')]).toEqual([1, 0]);
  });

  it('rejects an event with a bad date, unknown kind or community, leaving no event', async () => {
    await expect(event({ date: '10/11/2026' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('date: must be a real date') });
    await expect(event({ kind: 'party' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('kind: unknown event kind "party"') });
    await expect(event({ communityId: 5 })).rejects.toMatchObject({ code: 'not_found', message: 'communityId: no community with id 5' });
    await expect(event({ attendees: [{ contactId: 303, metThere: true }] })).rejects.toMatchObject({ code: 'not_found', message: 'attendees: no contact with id 303' });
    expect([await countRows(t, 'events'), await countRows(t, 'follow_ups')]).toEqual([0, 0]);
  });

  it('lists events newest first, paged, with attendee counts', async () => {
    const older = await event({ name: 'Older', date: '2026-01-05', attendees: [{ contactId: ada }, { contactId: bob }] });
    const newest = await event({ name: 'Newest', date: '2026-11-01' });
    const middle = await event({ name: 'Middle', date: '2026-06-01' });
    const page = await t.run(eventList, { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((e) => [e.id, e.attendeeCount])).toEqual([[newest.id, 0], [middle.id, 0]]);
    expect((await t.run(eventList, { limit: 2, offset: 2 })).items.map((e) => [e.id, e.attendeeCount])).toEqual([[older.id, 2]]);
  });

  it('removes attendees but keeps follow-ups already planned', async () => {
    const e = await event({ attendees: [{ contactId: ada, metThere: true }, { contactId: bob }] });
    const after = await t.run(eventUnattend, { eventId: e.id, contactIds: [ada] });
    expect(after.attendees.map((a) => a.id)).toEqual([bob]);
    expect(await eventFollowUps()).toHaveLength(1);
  });

  it('keeps communities with members and roles; a re-added member keeps a role not restated', async () => {
    const c = await t.run(communityCreate, { name: 'Royal Statistical Society', kind: 'association' });
    expect(c).toMatchObject({ iAmMember: true, notes: null, members: [] });
    await t.run(communityAddMember, { id: c.id, contactIds: [ada], role: 'Fellow' });
    await t.run(communityAddMember, { id: c.id, contactIds: [ada, bob] });
    expect((await t.run(communityGet, { id: c.id })).members).toEqual([{ id: ada, name: 'Ada', role: 'Fellow' }, { id: bob, name: 'Bob', role: null }]);
    await t.run(communityAddMember, { id: c.id, contactIds: [bob], role: 'Treasurer' });
    const after = await t.run(communityRemoveMember, { id: c.id, contactIds: [ada] });
    expect(after.members).toEqual([{ id: bob, name: 'Bob', role: 'Treasurer' }]);
    expect(await t.run(communityList, {})).toEqual([{ id: c.id, name: 'Royal Statistical Society', kind: 'association', notes: null, iAmMember: true, memberCount: 1 }]);
  });

  it('updates a community without resetting what was left out, and names what is missing', async () => {
    const c = await t.run(communityCreate, { name: 'Alumni Club', kind: 'alumni', iAmMember: false });
    expect(await t.run(communityUpdate, { id: c.id, notes: 'meets yearly' })).toMatchObject({ iAmMember: false, kind: 'alumni', notes: 'meets yearly' });
    await expect(t.run(communityGet, { id: 404 })).rejects.toMatchObject({ code: 'not_found', message: 'community not found: 404' });
    await expect(t.run(communityAddMember, { id: c.id, contactIds: [ada, 777] })).rejects.toMatchObject({ code: 'not_found', message: 'contactIds: no contact with id 777' });
    await expect(t.run(communityCreate, { name: 'X', kind: 'club' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('kind: unknown community kind "club"') });
    expect((await t.run(communityGet, { id: c.id })).members).toEqual([]);
  });
});
