import { z } from 'zod';
import { channelSchema } from '../domain/channels.ts';
import { connectionTypeKeySchema } from '../domain/connection-types.ts';
import { contactInputSchema } from '../domain/contact.ts';
import {
  actionInputSchema, communityInputSchema, eventInputSchema, followUpInputSchema, goalInputSchema, interactionInputSchema, linkInputSchema,
  organisationInputSchema,
} from '../domain/entities.ts';
import { isoDay, isoInstant } from '../domain/dates.ts';
import type { FieldProblem } from '../domain/errors.ts';
import { networkSchema } from '../domain/networks.ts';
import { BACKED_UP_SETTINGS, settingsSchema } from '../domain/settings.ts';
import { templateKeySchema } from '../domain/templates.ts';
import type { Backup } from './backup-format.ts';

// A restore writes rows past the operations, so each row is checked here with the operations' own schemas: a
// backup can then hold nothing the API, CLI or web app would have refused (javascript: links, cadence 0, …).
const day = isoDay.nullable();
const instant = isoInstant.nullable();
// Columns the operations fill in themselves (dates kept as they were), checked for their form alone.
const stamps = (fields: Record<string, z.ZodType>) => z.object(fields);

const isJson = (json: string): boolean => {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
};

type Entity = Exclude<keyof Backup, 'format' | 'version' | 'settings' | 'calendarUid'>;

// For each entity: the operation schema its row must pass (in the operation's input shape), and the columns
// the operations set themselves (dates, ids of parents), which a backup carries as they were.
const CHECKS: { [E in Entity]: (row: Backup[E][number]) => [z.ZodType, unknown][] } = {
  connectionTypes: (r) => [[z.object({ key: connectionTypeKeySchema, label: z.string().trim().min(1).max(100), defaultNetwork: networkSchema }), r]],
  messageTemplates: (r) => [
    [z.object({ key: templateKeySchema, definition: z.string().refine(isJson, 'must be the JSON text of a template') }), { key: r.key, definition: r.definition }],
    [stamps({ createdAt: isoInstant, updatedAt: isoInstant }), r],
  ],
  organisations: (r) => [
    [organisationInputSchema, { name: r.name, industry: r.industry, website: r.website, isMine: r.isMine, notes: r.notes }],
    [stamps({ createdAt: isoInstant, updatedAt: isoInstant }), r],
  ],
  contacts: (r) => {
    const { id: _id, organisationId: _org, insideExplicit: _ie, archived: _a, lastInteractionAt, nextDueOn, snoozedUntil, createdAt, updatedAt, ...fields } = r;
    return [
      [contactInputSchema, fields],
      [stamps({ lastInteractionAt: instant, nextDueOn: isoDay, snoozedUntil: day, createdAt: isoInstant, updatedAt: isoInstant }), { lastInteractionAt, nextDueOn, snoozedUntil, createdAt, updatedAt }],
    ];
  },
  interactions: (r) => [
    [interactionInputSchema, { contactIds: r.contactIds, occurredAt: r.occurredAt, kind: r.kind, channel: r.channel, summary: r.summary, value: r.value, valueNote: r.valueNote, gratitude: r.gratitude }],
    [stamps({ createdAt: isoInstant }), r],
  ],
  sentMessages: (r) => [[stamps({ channel: channelSchema, subject: z.string().max(1000), body: z.string().max(100_000), sentAt: isoInstant }), r]],
  followUps: (r) => [
    [followUpInputSchema, { contactId: r.contactId, dueOn: r.dueOn, reason: r.reason, source: r.source, eventId: r.eventId }],
    [stamps({ doneAt: instant, snoozedUntil: day, createdAt: isoInstant }), r],
  ],
  links: (r) => [[linkInputSchema, { aId: r.aId, bId: r.bId, strength: r.strength, note: r.note }], [stamps({ createdAt: isoInstant }), r]],
  goals: (r) => [
    [goalInputSchema, { kind: r.kind, description: r.description, targetDate: r.targetDate, status: r.status, contactIds: r.contactIds, organisationIds: r.organisationIds }],
    [stamps({ createdAt: isoInstant }), r],
  ],
  actions: (r) => [
    [actionInputSchema, { kind: r.kind, description: r.description, dueOn: r.dueOn, goalId: r.goalId, contactId: r.contactId }],
    [stamps({ doneAt: instant, createdAt: isoInstant }), r],
  ],
  communities: (r) => [
    [communityInputSchema, { name: r.name, kind: r.kind, notes: r.notes, iAmMember: r.iAmMember }],
    [z.object({ members: z.array(z.object({ role: z.string().trim().max(100).nullable() })) }), r],
    [stamps({ createdAt: isoInstant }), r],
  ],
  events: (r) => [
    [eventInputSchema, { name: r.name, kind: r.kind, date: r.date, place: r.place, communityId: r.communityId, notes: r.notes }],
    [stamps({ createdAt: isoInstant }), r],
  ],
};

const rowLabel = (entity: string, index: number, row: unknown): string => {
  const id = (row as { id?: unknown; key?: unknown; aId?: unknown; bId?: unknown });
  const name = typeof id.id === 'number' ? `id ${id.id}` : typeof id.key === 'string' ? `key ${JSON.stringify(id.key)}` : typeof id.aId === 'number' ? `ids ${id.aId}-${String(id.bId)}` : null;
  return `${entity}[${index}]${name ? ` (${name})` : ''}`;
};

// Every problem of every row (not just the first), each naming the entity, the row (index and id) and the field.
export function backupProblems(backup: Backup): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const entity of Object.keys(CHECKS) as Entity[]) {
    const check = CHECKS[entity] as (row: unknown) => [z.ZodType, unknown][];
    (backup[entity] as unknown[]).forEach((row, index) => {
      const seen = new Set<string>();
      for (const [schema, value] of check(row)) {
        const result = schema.safeParse(value);
        if (result.success) continue;
        for (const issue of result.error.issues) {
          const path = `${rowLabel(entity, index, row)}.${issue.path.join('.') || 'row'}`;
          if (seen.has(path)) continue;
          seen.add(path);
          problems.push({ path, message: issue.message });
        }
      }
    });
  }
  problems.push(...referenceProblems(backup));
  for (const [key, value] of Object.entries(backup.settings)) {
    if (!BACKED_UP_SETTINGS.includes(key as never)) continue;
    const result = (settingsSchema.shape as Record<string, z.ZodType>)[key]!.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) problems.push({ path: ['settings', key, ...issue.path].join('.'), message: issue.message });
  }
  return problems;
}

type Parent = 'contacts' | 'organisations' | 'interactions' | 'goals' | 'communities' | 'events';
// Each id a row points at, by the entity it must name; checked here so a broken backup is named row by row
// instead of failing on the database's foreign key.
const REFERENCES: { [E in Entity]?: (row: Backup[E][number]) => [string, Parent, number | null][] } = {
  contacts: (r) => [['organisationId', 'organisations', r.organisationId]],
  interactions: (r) => r.contactIds.map((id, i) => [`contactIds.${i}`, 'contacts', id]),
  sentMessages: (r) => [['interactionId', 'interactions', r.interactionId], ['contactId', 'contacts', r.contactId]],
  followUps: (r) => [['contactId', 'contacts', r.contactId], ['eventId', 'events', r.eventId]],
  links: (r) => [['aId', 'contacts', r.aId], ['bId', 'contacts', r.bId]],
  goals: (r) => [...r.contactIds.map((id, i): [string, Parent, number] => [`contactIds.${i}`, 'contacts', id]), ...r.organisationIds.map((id, i): [string, Parent, number] => [`organisationIds.${i}`, 'organisations', id])],
  actions: (r) => [['goalId', 'goals', r.goalId], ['contactId', 'contacts', r.contactId]],
  communities: (r) => r.members.map((m, i) => [`members.${i}.contactId`, 'contacts', m.contactId]),
  events: (r) => [['communityId', 'communities', r.communityId], ...r.attendees.map((a, i): [string, Parent, number] => [`attendees.${i}.contactId`, 'contacts', a.contactId])],
};

function referenceProblems(backup: Backup): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ids = new Map<Parent, Set<number>>();
  for (const entity of ['contacts', 'organisations', 'interactions', 'goals', 'communities', 'events'] as const) {
    const seen = new Set<number>();
    backup[entity].forEach((row, index) => {
      if (seen.has(row.id)) problems.push({ path: `${rowLabel(entity, index, row)}.id`, message: `a second ${entity} row with id ${row.id}` });
      seen.add(row.id);
    });
    ids.set(entity, seen);
  }
  for (const entity of Object.keys(REFERENCES) as Entity[]) {
    const refs = REFERENCES[entity] as (row: unknown) => [string, Parent, number | null][];
    (backup[entity] as unknown[]).forEach((row, index) => {
      for (const [field, parent, id] of refs(row)) {
        if (id !== null && !ids.get(parent)!.has(id)) problems.push({ path: `${rowLabel(entity, index, row)}.${field}`, message: `names ${parent} id ${id}, which the backup does not hold` });
      }
    });
  }
  return problems;
}
