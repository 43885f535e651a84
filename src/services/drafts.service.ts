import { z } from 'zod';
import { lineText, multilineText, TEXT_LIMITS } from '../domain/limits.ts';
import type { Contact } from '../domain/contact.ts';
import { toIsoDay } from '../domain/dates.ts';
import { RapportError, invalid } from '../domain/errors.ts';
import { KNOWN_PLACEHOLDERS, renderTemplate, templateKeySchema, type TemplatePart } from '../domain/templates.ts';
import { describeMessageMode, messageModeFor, messageModeSchema, resolveMode, type MessageMode, type MessageModeReading, type MessageModeReason } from '../domain/message-mode.ts';
import type { FollowUp } from '../domain/entities.ts';
import { loadContacts } from '../store/repositories/contacts.repository.ts';
import {
  draftEventKey, loadDraftEvents, loadDraftFacts, loadDraftFactsMany, loadGoalDescriptions, type DraftEvent, type DraftFacts,
} from '../store/repositories/drafts.repository.ts';
import { firstOpenFollowUps } from '../store/repositories/follow-ups.repository.ts';
import { getContact } from './contacts.service.ts';
import { lintDraft, suggestedTemplate, type DraftFinding } from './drafts-lint.ts';
import { draftValues } from './drafts-values.ts';
import { mailtoUrl } from './drafts-eml.ts';
import { defineOperation, idParam, type ServiceContext } from './operation.ts';
import { assertIdsExist } from './support/params.ts';
import { listTemplates, pickTemplate, type TemplateEntry } from './templates.service.ts';
import { settingsAndDefaults } from './support/settings.ts';
import { composedDraftOutput, draftLintOutput } from './schemas/outreach.ts';

const placeholderName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a placeholder name is letters and digits, e.g. topic');

export const composeSchema = z.object({
  contactId: idParam,
  // Left out: the template the occasion suggests (an open follow-up's source, and whether you have ever spoken).
  template: templateKeySchema.optional(),
  goalId: idParam.optional(),
  eventId: idParam.optional(),
  // introduction-request: the person you would like to meet; introduce-two-contacts: the second person.
  introduceContactId: idParam.optional(),
  // Your own values win over what Rapport derives (e.g. { topic: 'data platforms' }); an empty value counts as missing.
  values: z.record(placeholderName, multilineText(2000, { trim: false })).default({}),
  // Check as a first message or as an ongoing conversation, overriding what the record says (messageModeFor).
  mode: messageModeSchema.optional(),
  // Older spelling of mode: true is 'first', false 'ongoing'.
  firstMessage: z.boolean().optional(),
});
export type ComposeInput = z.output<typeof composeSchema>;

export interface ComposedDraft {
  contactId: number;
  contactName: string;
  template: string;
  firstMessage: boolean;
  // Which checks the draft gets and why, in a sentence the composer shows ("First message — ...").
  mode: MessageMode;
  modeReason: MessageModeReason;
  modeText: string;
  subject: string;
  text: string;
  parts: Record<TemplatePart, string>;
  blurb: string | null;
  // Placeholders nothing could fill: each stays visible in the text as [name?] and blocks sending.
  missing: string[];
  // What each missing placeholder wants, for a form field's label ("what you talked about last").
  hints: Record<string, string>;
  findings: DraftFinding[];
  values: Record<string, string>;
  to: string[];
  mailto: string;
}

export async function composeDraft(ctx: ServiceContext, input: ComposeInput): Promise<ComposedDraft> {
  return (await composeDrafts(ctx, [input]))[0]!;
}

// Many drafts in a fixed number of queries whatever their count (outreach composes up to 100): the contacts and
// the people to introduce, their draft facts and conversation records, the templates, the settings, the open
// follow-ups (when the occasion picks the template), the events and the goals asked for are each read once for all.
// One draft is the batch of one, so a draft reads the same whichever way it was composed.
// `lint: false` leaves findings empty, for callers that show the draft without them (Today's dates coming up:
// one draft per birthday in the window, ~60 at 30,000 contacts, each linted for nothing).
export async function composeDrafts(ctx: ServiceContext, inputs: readonly ComposeInput[], options: { lint?: boolean } = {}): Promise<ComposedDraft[]> {
  const { store, clock } = ctx;
  if (inputs.length === 0) return [];
  const today = toIsoDay(clock.now());
  await assertIdsExist(store, 'contacts', inputs.map((i) => i.contactId), 'contactId');
  const introduced = await introducedContactIds(ctx, inputs);
  const ids = [...new Set([...inputs.map((i) => i.contactId), ...introduced])];
  const needsOccasion = inputs.filter((i) => i.template === undefined).map((i) => i.contactId);
  const [{ settings, defaults }, facts, templates, occasions] = await Promise.all([
    settingsAndDefaults(store), loadDraftFactsMany(store, inputs.map((i) => i.contactId)), listTemplates(store),
    needsOccasion.length ? firstOpenFollowUps(store, needsOccasion) : Promise.resolve(new Map<number, FollowUp>()),
  ]);
  const contacts = new Map((await loadContacts(store, ids, defaults)).map((c) => [c.id, c]));
  const planned = inputs.map((input) => {
    const contactFacts = facts.get(input.contactId)!;
    const recorded = messageModeFor(contactFacts.conversation, today);
    const occasion = input.template === undefined ? occasions.get(input.contactId) ?? null : null;
    const template = pickTemplate(templates, input.template ?? suggestedTemplate(occasion?.source ?? null, recorded));
    // An open event follow-up is about its own event, unless a template or an event was asked for.
    const eventId = input.eventId ?? (input.template === undefined && template.key === 'event-follow-up' ? occasion?.eventId ?? undefined : undefined);
    return { input, facts: contactFacts, recorded, template, eventId };
  });
  const [events, goals] = await Promise.all([eventsAskedFor(ctx, planned), goalsAskedFor(ctx, inputs)]);
  return planned.map(({ input, facts: contactFacts, recorded, template, eventId }) => draftFrom(input, {
    contact: contacts.get(input.contactId)!,
    other: input.introduceContactId === undefined ? null : contacts.get(input.introduceContactId)!,
    template, facts: contactFacts, recorded, today, myName: settings.myName,
    event: eventId === undefined ? contactFacts.event : events.get(draftEventKey(eventId, input.contactId))!,
    goal: input.goalId === undefined ? contactFacts.openGoals[0]?.description ?? null : goals.get(input.goalId) ?? null,
  }, options.lint ?? true));
}

async function introducedContactIds(ctx: ServiceContext, inputs: readonly ComposeInput[]): Promise<number[]> {
  const ids: number[] = [];
  for (const input of inputs) {
    if (input.introduceContactId === undefined) continue;
    if (input.introduceContactId === input.contactId) throw invalid('introduceContactId', 'must be someone other than the recipient', input.introduceContactId);
    ids.push(input.introduceContactId);
  }
  if (ids.length) await assertIdsExist(ctx.store, 'contacts', ids, 'introduceContactId');
  return ids;
}

async function eventsAskedFor(ctx: ServiceContext, planned: readonly { input: ComposeInput; eventId: number | undefined }[]): Promise<Map<string, DraftEvent>> {
  const pairs = planned.flatMap(({ input, eventId }) => (eventId === undefined ? [] : [{ eventId, contactId: input.contactId }]));
  const events = await loadDraftEvents(ctx.store, pairs);
  for (const { eventId, contactId } of pairs) {
    if (!events.has(draftEventKey(eventId, contactId))) {
      throw new RapportError('not_found', `eventId: no event with id ${eventId}`, { problems: [{ path: 'eventId', message: 'no such event', value: eventId }] });
    }
  }
  return events;
}

async function goalsAskedFor(ctx: ServiceContext, inputs: readonly ComposeInput[]): Promise<Map<number, string>> {
  const ids = inputs.flatMap((i) => (i.goalId === undefined ? [] : [i.goalId]));
  if (ids.length === 0) return new Map();
  await assertIdsExist(ctx.store, 'goals', ids, 'goalId');
  return loadGoalDescriptions(ctx.store, ids);
}

interface DraftParts {
  contact: Contact; other: Contact | null; template: TemplateEntry; facts: DraftFacts; recorded: MessageModeReading;
  event: DraftEvent | null; goal: string | null; myName: string | null; today: string;
}

function draftFrom(input: ComposeInput, { contact, other, template, facts, recorded, event, goal, myName, today }: DraftParts, lint: boolean): ComposedDraft {
  const derived = draftValues({ contact, facts, event, goal, other, myName, today });
  const given = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v.trim() !== ''));
  const all = { ...derived, ...given };
  const rendered = renderTemplate(template, all);
  const reading = resolveMode(recorded, input.mode, input.firstMessage);
  const firstMessage = reading.mode === 'first';
  const to = contact.emails.map((e) => e.address);
  return {
    contactId: contact.id,
    contactName: contact.name,
    template: template.key,
    firstMessage,
    mode: reading.mode,
    modeReason: reading.reason,
    modeText: describeMessageMode(reading),
    ...rendered,
    hints: Object.fromEntries(rendered.missing.map((name) => [name, KNOWN_PLACEHOLDERS[name] ?? 'a value of your own'])),
    findings: lint ? lintDraft(rendered.subject, rendered.text, { firstMessage, recipientName: contact.name }) : [],
    values: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')),
    to,
    mailto: mailtoUrl(to, rendered.subject, rendered.text),
  };
}

export const draftCompose = defineOperation({
  name: 'draft.compose',
  summary: 'Write a four-part message to a contact from a template, personalised from what Rapport knows, with its mistake-check findings',
  effect: 'read',
  input: composeSchema,
  output: composedDraftOutput,
  http: { method: 'post', path: '/drafts/compose' },
  run: composeDraft,
});

export const draftLint = defineOperation({
  name: 'draft.lint',
  summary: 'Check any message for networking mistakes (job ask in a first message, self-talk, no context, no small ask, too long, ...)',
  effect: 'read',
  input: z.object({
    text: multilineText(TEXT_LIMITS.message, { trim: false }),
    subject: lineText(1000).default(''),
    // 'first' or 'ongoing'; left out, the mode of contactId's record, else 'first' (the stricter reading).
    mode: messageModeSchema.optional(),
    // Older spelling of mode.
    firstMessage: z.boolean().optional(),
    // The recipient: their record decides the mode when none is given, and their name is checked in the greeting.
    contactId: idParam.optional(),
    recipientName: lineText(TEXT_LIMITS.name).optional(),
  }),
  output: draftLintOutput,
  http: { method: 'post', path: '/drafts/lint' },
  run: async ({ store, clock }, input): Promise<{ findings: DraftFinding[]; blocking: boolean; mode: MessageMode; modeText: string }> => {
    let recorded: MessageModeReading = { mode: 'first', reason: 'never-spoken', daysSinceConversation: null };
    let recipientName = input.recipientName ?? null;
    if (input.contactId !== undefined) {
      await assertIdsExist(store, 'contacts', [input.contactId], 'contactId');
      const [facts, contact] = await Promise.all([loadDraftFacts(store, input.contactId), getContact(store, input.contactId)]);
      recorded = messageModeFor(facts.conversation, toIsoDay(clock.now()));
      recipientName ??= contact.name;
    } else if (input.mode === undefined && input.firstMessage === undefined) {
      recorded = { ...recorded, reason: 'no-recipient' };
    }
    const reading = resolveMode(recorded, input.mode, input.firstMessage);
    const findings = lintDraft(input.subject, input.text, { firstMessage: reading.mode === 'first', recipientName });
    return { findings, blocking: findings.some((f) => f.severity === 'error'), mode: reading.mode, modeText: describeMessageMode(reading) };
  },
});
