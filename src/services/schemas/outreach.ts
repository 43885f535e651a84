import { z } from 'zod';
import { LINT_RULE_NAMES } from '../../domain/message-lint-rules.ts';
import { MESSAGE_MODES } from '../../domain/message-mode.ts';
import { actionOutput, followUpOutput, interactionOutput } from './entities.ts';
import { count, day, id, instant, out } from './common.ts';

export const draftFindingOutput = out({
  rule: z.enum(LINT_RULE_NAMES),
  severity: z.enum(['warning', 'error']),
  message: z.string(),
  explanation: z.string(),
  suggestion: z.string(),
  // Character offsets in the text, for a composer to highlight.
  span: out({ start: count, end: count }).optional(),
  // Findings in the subject line; they carry no span.
  field: z.literal('subject').optional(),
}).meta({ id: 'DraftFinding' });

const parts = out({ greeting: z.string(), context: z.string(), intent: z.string(), closing: z.string() });

export const templateEntryOutput = out({
  key: z.string(),
  name: z.string(),
  purpose: z.string(),
  subject: z.string(),
  firstMessage: z.boolean(),
  parts,
  blurb: z.string().nullable(),
  origin: z.enum(['built-in', 'custom', 'edited']),
  placeholders: z.array(z.string()),
  unknownPlaceholders: z.array(z.string()),
}).meta({ id: 'TemplateEntry' });
export const templateSaveOutput = out({ template: templateEntryOutput, warnings: z.array(z.string()) });
export const templateDeleteOutput = out({ deleted: z.string(), restoredBuiltIn: z.boolean() });

const mode = z.enum(MESSAGE_MODES);

export const composedDraftOutput = out({
  contactId: id,
  contactName: z.string(),
  template: z.string(),
  firstMessage: z.boolean(),
  mode,
  modeReason: z.enum(['never-spoken', 'only-connected', 'gone-cold', 'recent-conversation', 'no-recipient', 'chosen']),
  modeText: z.string(),
  subject: z.string(),
  text: z.string(),
  parts,
  blurb: z.string().nullable(),
  missing: z.array(z.string()),
  hints: z.record(z.string(), z.string()),
  findings: z.array(draftFindingOutput),
  values: z.record(z.string(), z.string()),
  to: z.array(z.string()),
  mailto: z.string(),
}).meta({ id: 'ComposedDraft' });

export const draftLintOutput = out({ findings: z.array(draftFindingOutput), blocking: z.boolean(), mode, modeText: z.string() });

export const sentDraftOutput = out({
  interaction: interactionOutput,
  followUp: followUpOutput.nullable(),
  action: actionOutput.nullable(),
  via: z.enum(['clipboard', 'mailto', 'eml']),
  text: z.string(),
  mailto: z.string(),
  eml: z.string().nullable(),
  emlFileName: z.string().nullable(),
  warnings: z.array(draftFindingOutput),
  notes: z.array(z.string()),
});

export const sentMessageOutput = out({
  id,
  interactionId: id,
  contactId: id,
  template: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  channel: z.string(),
  via: z.string(),
  sentAt: instant,
}).meta({ id: 'SentMessage' });

export const outreachTodayOutput = out({
  today: day,
  items: z.array(out({
    contactId: id,
    contactName: z.string(),
    reason: z.enum(['follow-up', 'met-at-event', 'overdue']),
    why: z.string(),
    dueOn: day.nullable(),
    followUpId: id.nullable(),
    eventId: id.nullable(),
    template: z.string(),
    draft: composedDraftOutput,
  })),
});
