import { z } from 'zod';
import { RapportError } from '../domain/errors.ts';
import { idSchema } from '../domain/limits.ts';
import { maskToNetworks, NETWORKS, networksToMask } from '../domain/networks.ts';
import { BACKED_UP_SETTINGS } from '../domain/settings.ts';
import type { TableDump } from '../store/repositories/backup.repository.ts';
import { backupProblems } from './backup-validate.ts';
import { BACKUP_MARKER } from './parse-file.ts';

// 2: contacts carry their whole card (addresses, dates, name parts, kept vCard lines); follow-ups and actions their revision.
export const BACKUP_VERSION = 2;

const s = z.string();
const ns = z.string().nullable();
// Ids past the column type would fail inside the database instead of naming the row.
const id = idSchema;
const nid = id.nullable();
const labelled = <K extends string>(key: K) => z.object({ [key]: s, label: ns } as Record<K, typeof s> & { label: typeof ns });

const cardBackupSchema = z.object({
  nickname: ns, namePrefix: ns, middleName: ns, nameSuffix: ns, organisationUnit: ns,
  addresses: z.array(z.object({ label: ns, poBox: ns, extended: ns, street: ns, locality: ns, region: ns, postcode: ns, country: ns })),
  // yearly: absent in backups made before one-off dates existed, when every date recurred.
  dates: z.array(z.object({ kind: s, label: ns, year: z.number().int().nullable(), month: z.number().int(), day: z.number().int(), yearly: z.boolean().default(true) })),
  properties: z.array(s),
});
const emptyCardBackup = { nickname: null, namePrefix: null, middleName: null, nameSuffix: null, organisationUnit: null, addresses: [], dates: [], properties: [] };
const revision = z.number().int().min(0).default(0);

const contactSchema = z.object({
  id, name: s, givenName: ns, familyName: ns, organisationId: nid, title: ns, location: ns, birthday: ns, metHow: ns, metWhere: ns,
  notes: ns, networks: z.array(z.enum(NETWORKS)), connectionType: ns, insideOrganisation: z.boolean().nullable(), insideExplicit: z.boolean(),
  industry: ns, cadenceDays: z.number().int().nullable(), archived: z.boolean(), photo: ns, lastInteractionAt: ns, nextDueOn: s,
  snoozedUntil: ns, createdAt: s, updatedAt: s,
  // Absent from backups made before triage: those contacts were all on keep-in-touch, sorted when added.
  sortedAt: ns.optional(),
  emails: z.array(labelled('address')), phones: z.array(labelled('number')), webLinks: z.array(labelled('url')), tags: z.array(s),
  // Absent in version 1 backups.
  card: cardBackupSchema.default(emptyCardBackup),
});

// The whole of one workspace, every entity with its id, so a restore is the same database again.
export const backupSchema = z.object({
  format: z.literal(BACKUP_MARKER),
  version: z.number().int().min(1).max(BACKUP_VERSION, `this backup was made by a newer Rapport (format version above ${BACKUP_VERSION})`),
  // The database's calendar identity, so a feed subscribed before a restore keeps its events instead of doubling them.
  calendarUid: z.uuid().optional(),
  settings: z.record(z.string(), z.unknown()),
  connectionTypes: z.array(z.object({ key: s, label: s, defaultNetwork: s })),
  // The template's definition is kept as the JSON text it was stored as.
  messageTemplates: z.array(z.object({ key: s, definition: s, createdAt: s, updatedAt: s })),
  organisations: z.array(z.object({ id, name: s, industry: ns, website: ns, isMine: z.boolean(), notes: ns, createdAt: s, updatedAt: s })),
  contacts: z.array(contactSchema),
  interactions: z.array(z.object({
    id, occurredAt: s, kind: s, channel: s, summary: ns, value: s, valueNote: ns, gratitude: z.boolean(), createdAt: s, contactIds: z.array(id),
  })),
  sentMessages: z.array(z.object({ id, interactionId: id, contactId: id, template: ns, subject: s, body: s, channel: s, via: s, sentAt: s })),
  followUps: z.array(z.object({ id, contactId: id, dueOn: s, reason: s, source: s, eventId: nid, doneAt: ns, snoozedUntil: ns, createdAt: s, revision })),
  links: z.array(z.object({ aId: id, bId: id, strength: z.number().int().nullable(), note: ns, createdAt: s })),
  goals: z.array(z.object({ id, kind: s, description: s, targetDate: ns, status: s, createdAt: s, contactIds: z.array(id), organisationIds: z.array(id) })),
  actions: z.array(z.object({ id, kind: s, description: s, dueOn: ns, doneAt: ns, goalId: nid, contactId: nid, createdAt: s, revision })),
  communities: z.array(z.object({ id, name: s, kind: s, notes: ns, iAmMember: z.boolean(), createdAt: s, members: z.array(z.object({ contactId: id, role: ns })) })),
  events: z.array(z.object({
    id, name: s, kind: s, date: s, place: ns, communityId: nid, notes: ns, createdAt: s, attendees: z.array(z.object({ contactId: id, metThere: z.boolean() })),
  })),
});
export type Backup = z.output<typeof backupSchema>;

// Both ways: an older backup that still holds auth.password-hash never brings that password back.
export const isBackedUpSetting = (key: string): boolean => (BACKED_UP_SETTINGS as readonly string[]).includes(key);

const flag = (v: number | null) => v === 1;
const bit = (v: boolean) => (v ? 1 : 0);

function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) (m.get(key(r)) ?? m.set(key(r), []).get(key(r))!).push(r);
  return m;
}

export function toBackup(d: TableDump, calendarUid?: string): Backup {
  const emails = groupBy(d.contact_emails, (r) => r.contact_id), phones = groupBy(d.contact_phones, (r) => r.contact_id);
  const links = groupBy(d.contact_web_links, (r) => r.contact_id), tags = groupBy(d.contact_tags, (r) => r.contact_id);
  const heads = new Map(d.contact_card.map((r) => [r.contact_id, r]));
  const addresses = groupBy(d.contact_addresses, (r) => r.contact_id), dates = groupBy(d.contact_dates, (r) => r.contact_id);
  const properties = groupBy(d.contact_card_properties, (r) => r.contact_id);
  const people = groupBy(d.interaction_participants, (r) => r.interaction_id);
  const goalContacts = groupBy(d.goal_contacts, (r) => r.goal_id), goalOrgs = groupBy(d.goal_organisations, (r) => r.goal_id);
  const members = groupBy(d.community_members, (r) => r.community_id), attendees = groupBy(d.event_attendees, (r) => r.event_id);
  return {
    format: BACKUP_MARKER,
    ...(calendarUid ? { calendarUid } : {}),
    version: BACKUP_VERSION,
    settings: Object.fromEntries(d.settings.filter((r) => isBackedUpSetting(r.key)).map((r) => [r.key, JSON.parse(r.value) as unknown])),
    connectionTypes: d.connection_types.map((r) => ({ key: r.key, label: r.label, defaultNetwork: r.default_network })),
    messageTemplates: d.message_templates.map((r) => ({ key: r.key, definition: r.definition, createdAt: r.created_at, updatedAt: r.updated_at })),
    organisations: d.organisations.map((r) => ({ id: r.id, name: r.name, industry: r.industry, website: r.website, isMine: flag(r.is_mine), notes: r.notes, createdAt: r.created_at, updatedAt: r.updated_at })),
    contacts: d.contacts.map((r) => ({
      id: r.id, name: r.name, givenName: r.given_name, familyName: r.family_name, organisationId: r.organisation_id, title: r.title,
      location: r.location, birthday: r.birthday, metHow: r.met_how, metWhere: r.met_where, notes: r.notes, networks: maskToNetworks(r.networks),
      connectionType: r.connection_type, insideOrganisation: r.inside_organisation === null ? null : flag(r.inside_organisation),
      insideExplicit: flag(r.inside_explicit), industry: r.industry, cadenceDays: r.cadence_days, archived: flag(r.archived), photo: r.photo,
      lastInteractionAt: r.last_interaction_at, nextDueOn: r.next_due_on, snoozedUntil: r.snoozed_until, createdAt: r.created_at, updatedAt: r.updated_at, sortedAt: r.sorted_at,
      emails: (emails.get(r.id) ?? []).map((e) => ({ address: e.address, label: e.label })),
      phones: (phones.get(r.id) ?? []).map((p) => ({ number: p.number, label: p.label })),
      webLinks: (links.get(r.id) ?? []).map((l) => ({ url: l.url, label: l.label })),
      tags: (tags.get(r.id) ?? []).map((t) => t.tag),
      card: {
        nickname: heads.get(r.id)?.nickname ?? null, namePrefix: heads.get(r.id)?.name_prefix ?? null, middleName: heads.get(r.id)?.middle_name ?? null,
        nameSuffix: heads.get(r.id)?.name_suffix ?? null, organisationUnit: heads.get(r.id)?.organisation_unit ?? null,
        addresses: (addresses.get(r.id) ?? []).map((a) => ({ label: a.label, poBox: a.po_box, extended: a.extended, street: a.street, locality: a.locality, region: a.region, postcode: a.postcode, country: a.country })),
        dates: (dates.get(r.id) ?? []).map((x) => ({ kind: x.kind, label: x.label, year: x.year, month: x.month, day: x.day, yearly: x.yearly !== 0 })),
        properties: (properties.get(r.id) ?? []).map((x) => x.line),
      },
    })),
    interactions: d.interactions.map((r) => ({
      id: r.id, occurredAt: r.occurred_at, kind: r.kind, channel: r.channel, summary: r.summary, value: r.value_flow, valueNote: r.value_note,
      gratitude: flag(r.gratitude), createdAt: r.created_at, contactIds: (people.get(r.id) ?? []).map((p) => p.contact_id),
    })),
    sentMessages: d.sent_messages.map((r) => ({
      id: r.id, interactionId: r.interaction_id, contactId: r.contact_id, template: r.template, subject: r.subject, body: r.body, channel: r.channel, via: r.via, sentAt: r.sent_at,
    })),
    followUps: d.follow_ups.map((r) => ({ id: r.id, contactId: r.contact_id, dueOn: r.due_on, reason: r.reason, source: r.source, eventId: r.event_id, doneAt: r.done_at, snoozedUntil: r.snoozed_until, createdAt: r.created_at, revision: r.revision })),
    links: d.links.map((r) => ({ aId: r.a_id, bId: r.b_id, strength: r.strength, note: r.note, createdAt: r.created_at })),
    goals: d.goals.map((r) => ({
      id: r.id, kind: r.kind, description: r.description, targetDate: r.target_date, status: r.status, createdAt: r.created_at,
      contactIds: (goalContacts.get(r.id) ?? []).map((g) => g.contact_id), organisationIds: (goalOrgs.get(r.id) ?? []).map((g) => g.organisation_id),
    })),
    actions: d.actions.map((r) => ({ id: r.id, kind: r.kind, description: r.description, dueOn: r.due_on, doneAt: r.done_at, goalId: r.goal_id, contactId: r.contact_id, createdAt: r.created_at, revision: r.revision })),
    communities: d.communities.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, notes: r.notes, iAmMember: flag(r.i_am_member), createdAt: r.created_at,
      members: (members.get(r.id) ?? []).map((m) => ({ contactId: m.contact_id, role: m.role })),
    })),
    events: d.events.map((r) => ({
      id: r.id, name: r.name, kind: r.kind, date: r.date, place: r.place, communityId: r.community_id, notes: r.notes, createdAt: r.created_at,
      attendees: (attendees.get(r.id) ?? []).map((a) => ({ contactId: a.contact_id, metThere: flag(a.met_there) })),
    })),
  };
}

export function fromBackup(b: Backup): TableDump {
  return {
    settings: Object.entries(b.settings).filter(([key]) => isBackedUpSetting(key)).map(([key, value]) => ({ key, value: JSON.stringify(value) })),
    connection_types: b.connectionTypes.map((t) => ({ key: t.key, label: t.label, default_network: t.defaultNetwork })),
    message_templates: b.messageTemplates.map((t) => ({ key: t.key, definition: t.definition, created_at: t.createdAt, updated_at: t.updatedAt })),
    organisations: b.organisations.map((o) => ({ id: o.id, name: o.name, industry: o.industry, website: o.website, is_mine: bit(o.isMine), notes: o.notes, created_at: o.createdAt, updated_at: o.updatedAt })),
    contacts: b.contacts.map((c) => ({
      id: c.id, name: c.name, given_name: c.givenName, family_name: c.familyName, organisation_id: c.organisationId, title: c.title, location: c.location,
      birthday: c.birthday, met_how: c.metHow, met_where: c.metWhere, notes: c.notes, networks: networksToMask(c.networks), connection_type: c.connectionType,
      inside_organisation: c.insideOrganisation === null ? null : bit(c.insideOrganisation), inside_explicit: bit(c.insideExplicit), industry: c.industry,
      cadence_days: c.cadenceDays, archived: bit(c.archived), photo: c.photo, last_interaction_at: c.lastInteractionAt, next_due_on: c.nextDueOn,
      snoozed_until: c.snoozedUntil, created_at: c.createdAt, updated_at: c.updatedAt, sorted_at: c.sortedAt === undefined ? c.createdAt : c.sortedAt,
    })),
    contact_emails: b.contacts.flatMap((c) => c.emails.map((e, position) => ({ contact_id: c.id, address: e.address, label: e.label, position }))),
    contact_phones: b.contacts.flatMap((c) => c.phones.map((p, position) => ({ contact_id: c.id, number: p.number, label: p.label, position }))),
    contact_web_links: b.contacts.flatMap((c) => c.webLinks.map((l, position) => ({ contact_id: c.id, url: l.url, label: l.label, position }))),
    contact_tags: b.contacts.flatMap((c) => c.tags.map((tag) => ({ contact_id: c.id, tag }))),
    contact_card: b.contacts.filter((c) => c.card.nickname !== null || c.card.namePrefix !== null || c.card.middleName !== null || c.card.nameSuffix !== null || c.card.organisationUnit !== null)
      .map((c) => ({ contact_id: c.id, nickname: c.card.nickname, name_prefix: c.card.namePrefix, middle_name: c.card.middleName, name_suffix: c.card.nameSuffix, organisation_unit: c.card.organisationUnit })),
    contact_addresses: b.contacts.flatMap((c) => c.card.addresses.map((a, position) => ({
      contact_id: c.id, position, label: a.label, po_box: a.poBox, extended: a.extended, street: a.street, locality: a.locality, region: a.region, postcode: a.postcode, country: a.country,
    }))),
    contact_dates: b.contacts.flatMap((c) => c.card.dates.map((x, position) => ({ contact_id: c.id, position, kind: x.kind, label: x.label, year: x.year, month: x.month, day: x.day, yearly: x.yearly ? 1 : 0 }))),
    contact_card_properties: b.contacts.flatMap((c) => c.card.properties.map((line, position) => ({ contact_id: c.id, position, line }))),
    communities: b.communities.map((c) => ({ id: c.id, name: c.name, kind: c.kind, notes: c.notes, i_am_member: bit(c.iAmMember), created_at: c.createdAt })),
    community_members: b.communities.flatMap((c) => c.members.map((m) => ({ community_id: c.id, contact_id: m.contactId, role: m.role }))),
    events: b.events.map((e) => ({ id: e.id, name: e.name, kind: e.kind, date: e.date, place: e.place, community_id: e.communityId, notes: e.notes, created_at: e.createdAt })),
    event_attendees: b.events.flatMap((e) => e.attendees.map((a) => ({ event_id: e.id, contact_id: a.contactId, met_there: bit(a.metThere) }))),
    interactions: b.interactions.map((i) => ({ id: i.id, occurred_at: i.occurredAt, kind: i.kind, channel: i.channel, summary: i.summary, value_flow: i.value, value_note: i.valueNote, gratitude: bit(i.gratitude), created_at: i.createdAt })),
    interaction_participants: b.interactions.flatMap((i) => i.contactIds.map((contact_id) => ({ interaction_id: i.id, contact_id }))),
    sent_messages: b.sentMessages.map((m) => ({
      id: m.id, interaction_id: m.interactionId, contact_id: m.contactId, template: m.template, subject: m.subject, body: m.body, channel: m.channel, via: m.via, sent_at: m.sentAt,
    })),
    follow_ups: b.followUps.map((f) => ({ id: f.id, contact_id: f.contactId, due_on: f.dueOn, reason: f.reason, source: f.source, event_id: f.eventId, done_at: f.doneAt, snoozed_until: f.snoozedUntil, created_at: f.createdAt, revision: f.revision })),
    links: b.links.map((l) => ({ a_id: l.aId, b_id: l.bId, strength: l.strength, note: l.note, created_at: l.createdAt })),
    goals: b.goals.map((g) => ({ id: g.id, kind: g.kind, description: g.description, target_date: g.targetDate, status: g.status, created_at: g.createdAt })),
    goal_contacts: b.goals.flatMap((g) => g.contactIds.map((contact_id) => ({ goal_id: g.id, contact_id }))),
    goal_organisations: b.goals.flatMap((g) => g.organisationIds.map((organisation_id) => ({ goal_id: g.id, organisation_id }))),
    actions: b.actions.map((a) => ({ id: a.id, kind: a.kind, description: a.description, due_on: a.dueOn, done_at: a.doneAt, goal_id: a.goalId, contact_id: a.contactId, created_at: a.createdAt, revision: a.revision })),
  };
}

export const backupText = (b: Backup): string => `${JSON.stringify(b, null, 2)}\n`;

export function parseBackup(text: string, file: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new RapportError('invalid', `${file}: not valid JSON (${message}); the backup looks damaged or truncated`);
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RapportError('invalid', `${file}: ${issue.path.join('.') || 'backup'}: ${issue.message}`, {
      problems: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const problems = backupProblems(parsed.data);
  if (problems.length) {
    const shown = problems.slice(0, 10).map((p) => `${p.path}: ${p.message}`).join('; ');
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    throw new RapportError('invalid', `${file}: ${problems.length} value${problems.length === 1 ? '' : 's'} in the backup would be refused by Rapport, so nothing was restored: ${shown}${more}`, { problems });
  }
  return parsed.data;
}
