import { z } from 'zod';
import { lineText, multilineText, TEXT_LIMITS } from '../domain/limits.ts';
import { emailAddressSchema } from '../domain/contact.ts';
import { addDays, toIsoDay } from '../domain/dates.ts';
import type { Action, FollowUp, Interaction } from '../domain/entities.ts';
import { RapportError } from '../domain/errors.ts';
import { messageModeFor, messageModeSchema, resolveMode } from '../domain/message-mode.ts';
import { templateKeySchema } from '../domain/templates.ts';
import { conversationRecords, insertSentMessage, listSentMessages, type SentMessage } from '../store/repositories/drafts.repository.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import { actionCreate, actionDone } from './actions.service.ts';
import { getContact } from './contacts.service.ts';
import { emlFileName, emlMessage, mailtoUrl } from './drafts-eml.ts';
import { lintDraft, type DraftFinding } from './drafts-lint.ts';
import { followUpAdd } from './follow-ups.service.ts';
import { logInteraction, logInteractionSchema } from './interactions.service.ts';
import { defineOperation, idParam, pageSchema, parseInput, type ServiceContext } from './operation.ts';
import { assertIdsExist } from './support/params.ts';
import { sentDraftOutput, sentMessageOutput } from './schemas/outreach.ts';

// Past the 7 days Today looks ahead, so a sent message takes the person off this week's list until the nudge is due.
export const DEFAULT_REPLY_WAIT_DAYS = 10;
// Notes that ask for nothing: no reply to chase, the keep-in-touch cadence takes over.
const NO_REPLY_EXPECTED = new Set(['congratulations', 'occasion', 'share-or-offer-help', 'thanks-for-help', 'introduce-two-contacts']);

export const sendSchema = z.object({
  contactId: idParam,
  subject: lineText(300, 'subject is at most 300 characters').default(''),
  text: multilineText(TEXT_LIMITS.message).min(1, 'there is no message to send'),
  channel: z.enum(['email', 'message']).default('email'),
  via: z.enum(['clipboard', 'mailto', 'eml']),
  template: templateKeySchema.optional(),
  goalId: idParam.optional(),
  introduceContactId: idParam.optional(),
  // Days until a nudge if no reply; null for none. Left out: DEFAULT_REPLY_WAIT_DAYS, or none for notes that ask nothing.
  followUpInDays: z.number().int().min(1).max(365).nullable().optional(),
  // 'first' or 'ongoing'; left out, the contact's record decides (messageModeFor). firstMessage is the older spelling.
  mode: messageModeSchema.optional(),
  firstMessage: z.boolean().optional(),
  // Your own address for the .eml From header; without it the mail client fills it in.
  from: emailAddressSchema.optional(),
});
export type SendInput = z.output<typeof sendSchema>;

export interface SentDraft {
  interaction: Interaction;
  followUp: FollowUp | null;
  action: Action | null;
  via: SendInput['via'];
  // What to paste, open or save: the text itself, the mailto: link, the .eml file.
  text: string;
  mailto: string;
  eml: string | null;
  emlFileName: string | null;
  // Advice that did not block sending (warnings of the mistake checker), and notes such as a missing address.
  warnings: DraftFinding[];
  notes: string[];
}

const firstLine = (text: string): string => (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 200);

function refuseBlocking(findings: readonly DraftFinding[]): void {
  const blocking = findings.filter((f) => f.severity === 'error');
  if (blocking.length === 0) return;
  const list = blocking.map((f) => `${f.rule}: ${f.message.replace(/\.$/, '')}`).join('; ');
  throw new RapportError('invalid', `${blocking[0]!.field ?? 'text'}: not sent, fix this first: ${list}`, {
    problems: blocking.map((f) => ({ path: f.field ?? 'text', message: `${f.rule}: ${f.message}`, ...(f.span ? { value: f.span } : {}) })),
  });
}

export async function sendDraft(ctx: ServiceContext, input: SendInput): Promise<SentDraft> {
  const { store, clock } = ctx;
  await assertIdsExist(store, 'contacts', [input.contactId], 'contactId');
  if (input.goalId !== undefined) await assertIdsExist(store, 'goals', [input.goalId], 'goalId');
  if (input.introduceContactId !== undefined) await assertIdsExist(store, 'contacts', [input.introduceContactId], 'introduceContactId');
  const contact = await getContact(store, input.contactId);
  const subject = input.subject.replace(/[\r\n]+/g, ' ').trim();
  const records = await conversationRecords(store, [contact.id]);
  const recorded = messageModeFor(records.get(contact.id) ?? { lastConversationAt: null, connectedCount: 0 }, toIsoDay(clock.now()));
  const reading = resolveMode(recorded, input.mode, input.firstMessage);
  const findings = lintDraft(subject, input.text, { firstMessage: reading.mode === 'first', recipientName: contact.name });
  refuseBlocking(findings);

  const now = clock.now();
  const summary = subject || firstLine(input.text);
  const interaction = await logInteraction(ctx, parseInput(logInteractionSchema, {
    contactIds: [contact.id], occurredAt: now.toISOString(), kind: input.channel, channel: input.channel, summary,
    // Reciprocity both ways: sharing something is value given; a thank-you is gratitude expressed.
    value: input.template === 'share-or-offer-help' ? 'given' : 'none',
    gratitude: input.template === 'thanks-for-help',
  }, 'interaction'));
  await insertSentMessage(store, {
    interaction_id: interaction.id, contact_id: contact.id, template: input.template ?? null, subject, body: input.text,
    channel: input.channel, via: input.via, sent_at: now.toISOString(),
  });

  const today = toIsoDay(now);
  const wait = input.followUpInDays !== undefined ? input.followUpInDays : NO_REPLY_EXPECTED.has(input.template ?? '') ? null : DEFAULT_REPLY_WAIT_DAYS;
  const followUp = wait === null ? null : await followUpAdd.run(ctx, parseInput(followUpAdd.input, {
    contactId: contact.id, dueOn: addDays(today, wait), reason: `No reply yet to "${summary.slice(0, 120)}"? Send a short, friendly nudge`, source: 'message-sent',
  }, 'followUp'));

  let action: Action | null = null;
  if (input.template === 'introduction-request' && input.goalId !== undefined) {
    const target = input.introduceContactId !== undefined ? await getContact(store, input.introduceContactId) : null;
    // Recorded done: asking was the step taken towards the goal. The follow-up above waits for the answer,
    // so Today does not list the same thing twice.
    const created = await actionCreate.run(ctx, parseInput(actionCreate.input, {
      kind: 'introduction-request', goalId: input.goalId, contactId: target?.id ?? contact.id, dueOn: today,
      description: target ? `Asked ${contact.name} for an introduction to ${target.name}` : `Asked ${contact.name} for an introduction`,
    }, 'action'));
    action = await actionDone.run(ctx, { id: created.id, done: true });
  }

  const { myName } = await loadSettings(store);
  const to = contact.emails.map((e) => e.address);
  const notes = input.channel === 'email' && input.via !== 'clipboard' && to.length === 0 ? [`${contact.name} has no email address: add the recipient in your mail client`] : [];
  const eml = input.via === 'eml'
    ? emlMessage({ to: to.map((address) => ({ name: contact.name, address })), from: input.from ? { name: myName, address: input.from } : null, subject, text: input.text, date: now })
    : null;
  return {
    interaction, followUp, action, via: input.via, text: input.text, mailto: mailtoUrl(to, subject, input.text),
    eml, emlFileName: eml === null ? null : emlFileName(contact.name, today), warnings: findings, notes,
  };
}

export const draftSend = defineOperation({
  name: 'draft.send',
  summary: 'Mark a draft sent (clipboard, mailto: or .eml): refuses while a blocking mistake remains, logs it as an interaction, plans the nudge if no reply',
  effect: 'write',
  input: sendSchema,
  output: sentDraftOutput,
  http: { method: 'post', path: '/drafts/send' },
  run: sendDraft,
});

export const draftSent = defineOperation({
  name: 'draft.sent',
  summary: 'Messages sent to a contact from drafts, newest first, with their full text',
  effect: 'read',
  input: pageSchema.pick({ limit: true }).extend({ contactId: idParam }),
  output: z.array(sentMessageOutput),
  http: { method: 'get', path: '/contacts/{contactId}/sent-messages' },
  run: async ({ store }, { contactId, limit }): Promise<SentMessage[]> => {
    await assertIdsExist(store, 'contacts', [contactId], 'contactId');
    return listSentMessages(store, contactId, limit);
  },
});
