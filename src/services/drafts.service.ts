import { z } from 'zod';
import type { Contact } from '../domain/contact.ts';
import { toIsoDay } from '../domain/dates.ts';
import { RapportError, invalid } from '../domain/errors.ts';
import { KNOWN_PLACEHOLDERS, renderTemplate, templateKeySchema, type TemplatePart } from '../domain/templates.ts';
import { loadContacts } from '../store/repositories/contacts.repository.ts';
import { loadDraftEvents, loadDraftFactsMany, loadGoalDescription, type DraftEvent, type DraftFacts } from '../store/repositories/drafts.repository.ts';
import type { Settings } from '../domain/settings.ts';
import { getContact } from './contacts.service.ts';
import { lintDraft, type DraftFinding } from './drafts-lint.ts';
import { draftValues } from './drafts-values.ts';
import { mailtoUrl } from './drafts-eml.ts';
import { defineOperation, idParam, type ServiceContext } from './operation.ts';
import { assertIdsExist } from './support/params.ts';
import { pickTemplate, listTemplates, type TemplateEntry } from './templates.service.ts';
import { settingsAndDefaults } from './support/settings.ts';

const placeholderName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a placeholder name is letters and digits, e.g. topic');

export const composeSchema = z.object({
  contactId: idParam,
  template: templateKeySchema,
  goalId: idParam.optional(),
  eventId: idParam.optional(),
  // introduction-request: the person you would like to meet; introduce-two-contacts: the second person.
  introduceContactId: idParam.optional(),
  // Your own values win over what Rapport derives (e.g. { topic: 'data platforms' }); an empty value counts as missing.
  values: z.record(placeholderName, z.string().max(2000, 'a value is at most 2000 characters')).default({}),
  // Overrides the template's own flag and the "never written to them" reading.
  firstMessage: z.boolean().optional(),
});
export type ComposeInput = z.output<typeof composeSchema>;

export interface ComposedDraft {
  contactId: number;
  contactName: string;
  template: string;
  firstMessage: boolean;
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

async function otherContact(ctx: ServiceContext, input: ComposeInput): Promise<Contact | null> {
  if (input.introduceContactId === undefined) return null;
  if (input.introduceContactId === input.contactId) throw invalid('introduceContactId', 'must be someone other than the recipient', input.introduceContactId);
  await assertIdsExist(ctx.store, 'contacts', [input.introduceContactId], 'introduceContactId');
  return getContact(ctx.store, input.introduceContactId);
}

export async function composeDraft(ctx: ServiceContext, input: ComposeInput): Promise<ComposedDraft> {
  return (await composeDrafts(ctx, [input]))[0]!;
}

// Many drafts in a fixed number of queries (outreach composes up to 100): the contacts, their facts, the templates,
// the settings and the events asked for are each read once for all. A goal or a second person is read per draft
// that names one.
export async function composeDrafts(ctx: ServiceContext, inputs: readonly ComposeInput[]): Promise<ComposedDraft[]> {
  const { store, clock } = ctx;
  if (inputs.length === 0) return [];
  const ids = [...new Set(inputs.map((i) => i.contactId))];
  await assertIdsExist(store, 'contacts', ids, 'contactId');
  const { settings, defaults } = await settingsAndDefaults(store);
  const withEvent = inputs.flatMap((i) => (i.eventId !== undefined ? [{ eventId: i.eventId, contactId: i.contactId }] : []));
  const [contacts, facts, templates, events] = await Promise.all([
    loadContacts(store, ids, defaults), loadDraftFactsMany(store, ids), listTemplates(store), loadDraftEvents(store, withEvent),
  ]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const drafts: ComposedDraft[] = [];
  for (const input of inputs) {
    const template = pickTemplate(templates, input.template);
    const other = await otherContact(ctx, input);
    const contactFacts = facts.get(input.contactId)!;
    let event = contactFacts.event;
    if (input.eventId !== undefined) {
      event = events.get(`${input.eventId}:${input.contactId}`) ?? null;
      if (!event) throw new RapportError('not_found', `eventId: no event with id ${input.eventId}`, { problems: [{ path: 'eventId', message: 'no such event', value: input.eventId }] });
    }
    let goal = contactFacts.openGoals[0]?.description ?? null;
    if (input.goalId !== undefined) {
      await assertIdsExist(store, 'goals', [input.goalId], 'goalId');
      goal = await loadGoalDescription(store, input.goalId);
    }
    drafts.push(draftFrom(input, { contact: byId.get(input.contactId)!, template, facts: contactFacts, event, goal, other, settings, today: toIsoDay(clock.now()) }));
  }
  return drafts;
}

interface DraftParts {
  contact: Contact; template: TemplateEntry; facts: DraftFacts; event: DraftEvent | null; goal: string | null; other: Contact | null;
  settings: Settings; today: string;
}

function draftFrom(input: ComposeInput, { contact, template, facts, event, goal, other, settings, today }: DraftParts): ComposedDraft {
  const derived = draftValues({ contact, facts, event, goal, other, myName: settings.myName, today });
  const given = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v.trim() !== ''));
  const all = { ...derived, ...given };
  const rendered = renderTemplate(template, all);
  // Stricter reading wins: a template meant to open an exchange, or a person you have never logged a word with.
  const firstMessage = input.firstMessage ?? (template.firstMessage || facts.interactionCount === 0);
  const to = contact.emails.map((e) => e.address);
  return {
    contactId: contact.id,
    contactName: contact.name,
    template: template.key,
    firstMessage,
    ...rendered,
    hints: Object.fromEntries(rendered.missing.map((name) => [name, KNOWN_PLACEHOLDERS[name] ?? 'a value of your own'])),
    findings: lintDraft(rendered.subject, rendered.text, { firstMessage, recipientName: contact.name }),
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
  http: { method: 'post', path: '/drafts/compose' },
  run: composeDraft,
});

export const draftLint = defineOperation({
  name: 'draft.lint',
  summary: 'Check any message for networking mistakes (job ask in a first message, self-talk, no context, no small ask, too long, ...)',
  effect: 'read',
  input: z.object({
    text: z.string().max(100_000, 'text is at most 100000 characters'),
    subject: z.string().max(1000).default(''),
    firstMessage: z.boolean().default(true),
    recipientName: z.string().trim().max(200).optional(),
  }),
  http: { method: 'post', path: '/drafts/lint' },
  run: async (_ctx, { text, subject, firstMessage, recipientName }): Promise<{ findings: DraftFinding[]; blocking: boolean }> => {
    const findings = lintDraft(subject, text, { firstMessage, recipientName: recipientName ?? null });
    return { findings, blocking: findings.some((f) => f.severity === 'error') };
  },
});
