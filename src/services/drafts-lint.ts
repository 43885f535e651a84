import type { FollowUpSource } from '../domain/entities.ts';
import { lintMessage, type LintContext, type LintFinding } from '../domain/message-lint.ts';
import type { MessageModeReading } from '../domain/message-mode.ts';

// Pure, so the web composer runs the very same check on every keystroke that draft.send runs before sending.

// Findings in the subject line carry field 'subject' and no span (spans index the text).
export type DraftFinding = LintFinding & { field?: 'subject' };

// The text is linted whole; the subject only for placeholders, since a subject has no greeting, ask or closing.
export function lintDraft(subject: string, text: string, context: LintContext): DraftFinding[] {
  const inSubject = lintMessage(subject, { firstMessage: false })
    .filter((f) => f.rule === 'unfilled-placeholder')
    .map(({ span: _span, ...f }): DraftFinding => ({ ...f, message: `In the subject, ${f.message}`, field: 'subject' }));
  return [...inSubject, ...lintMessage(text, context)];
}

export const isBlocking = (findings: readonly DraftFinding[]): boolean => findings.some((f) => f.severity === 'error');

// Which built-in fits the occasion: an event follow-up after an event; for someone never spoken to (perhaps only
// connected) a first message that claims no shared history; otherwise reconnecting (a nudge after no reply, a
// manual reminder, a tie gone quiet).
export function suggestedTemplate(source: FollowUpSource | null, reading: MessageModeReading): string {
  if (source === 'event') return 'event-follow-up';
  if (reading.reason === 'never-spoken' || reading.reason === 'only-connected') return 'first-contact';
  return 'reconnect';
}
