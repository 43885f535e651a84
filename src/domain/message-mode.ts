import { z } from 'zod';
import { daysBetween } from './dates.ts';

// Whether a message opens (or reopens) a relationship, which decides the checks a first contact needs (seed 004:
// no job ask in a first message). Decided from real conversations only: the 'connected' entry an import makes
// ("connected on LinkedIn") is a dated fact, not a word exchanged.
export const MESSAGE_MODES = ['first', 'ongoing'] as const;
export type MessageMode = (typeof MESSAGE_MODES)[number];
export const messageModeSchema = z.enum(MESSAGE_MODES, { error: (issue) => `unknown mode ${JSON.stringify(issue.input)}: use first or ongoing` });
export type MessageModeReason = 'never-spoken' | 'only-connected' | 'gone-cold' | 'recent-conversation' | 'no-recipient' | 'chosen';

// A year of silence: the other person can no longer be assumed to remember the thread.
export const COLD_AFTER_DAYS = 365;

export interface ConversationRecord {
  // Newest interaction of any kind other than 'connected', as a day or an instant; null if none.
  lastConversationAt: string | null;
  // How many 'connected' entries there are (e.g. from a LinkedIn import).
  connectedCount: number;
}

export interface MessageModeReading {
  mode: MessageMode;
  reason: MessageModeReason;
  // Whole days since the last real conversation, null when there was none.
  daysSinceConversation: number | null;
}

export function messageModeFor(record: ConversationRecord, today: string): MessageModeReading {
  if (record.lastConversationAt === null) {
    return { mode: 'first', reason: record.connectedCount > 0 ? 'only-connected' : 'never-spoken', daysSinceConversation: null };
  }
  const days = daysBetween(record.lastConversationAt.slice(0, 10), today);
  if (days >= COLD_AFTER_DAYS) return { mode: 'first', reason: 'gone-cold', daysSinceConversation: days };
  return { mode: 'ongoing', reason: 'recent-conversation', daysSinceConversation: days };
}

// The mode the user chose wins; otherwise the record decides (never spoken, only connected, or a year of silence).
export function resolveMode(reading: MessageModeReading, chosen: MessageMode | undefined, firstMessage: boolean | undefined): MessageModeReading {
  const wanted = chosen ?? (firstMessage === undefined ? undefined : firstMessage ? 'first' : 'ongoing');
  if (wanted === undefined || wanted === reading.mode) return reading;
  return { ...reading, mode: wanted, reason: 'chosen' };
}

// One sentence for the composer and the CLI, saying which checks run and why.
export function describeMessageMode(reading: MessageModeReading): string {
  switch (reading.reason) {
    case 'never-spoken':
      return 'First message — checks for a first contact are on, because you have never spoken.';
    case 'only-connected':
      return 'First message — checks for a first contact are on: you are connected, but have never spoken.';
    case 'gone-cold':
      return `First message — checks for a first contact are on, because you last spoke ${reading.daysSinceConversation ?? COLD_AFTER_DAYS} days ago (a year or more).`;
    case 'recent-conversation':
      return 'Ongoing conversation — you have spoken within the last year, so first-contact checks are off.';
    case 'no-recipient':
      return 'First message — checks for a first contact are on: no recipient was given, so the stricter reading applies.';
    case 'chosen':
      return reading.mode === 'first'
        ? 'First message — checks for a first contact are on (chosen by you).'
        : 'Ongoing conversation — first-contact checks are off (chosen by you).';
  }
}
