import { addDays, daysBetween } from './dates.ts';
import type { Network } from './networks.ts';
import { UNASSIGNED_CADENCE_DAYS } from './situations.ts';

export type CadenceDefaults = Record<Network, number>;

// Kinds of interaction that are facts about a contact but not a conversation with them: "connected on LinkedIn"
// says when two profiles were linked, not that a word was exchanged, so it neither starts nor resets a cadence
// and is never the "last spoken".
export const NOT_CONVERSATION_KINDS: readonly string[] = ['connected'];

export const isConversation = (kind: string): boolean => !NOT_CONVERSATION_KINDS.includes(kind);

// Stored as next due for a contact with no cadence running (unsorted): later than any real day, so every
// "due by" range leaves it out; shown to users as no due date at all.
export const NEVER_DUE = '9999-12-31';

export const dueOrNull = (stored: string): string | null => (stored === NEVER_DUE ? null : stored);

// A contact's cadence: its own override, else the shortest default among its networks.
export function effectiveCadenceDays(
  networks: readonly Network[],
  override: number | null,
  defaults: CadenceDefaults,
): number {
  if (override !== null) return override;
  if (networks.length === 0) return UNASSIGNED_CADENCE_DAYS;
  return Math.min(...networks.map((n) => defaults[n]));
}

// Next due = last conversation + cadence; a contact never spoken to is counted from when it was sorted (for a
// contact made by hand, when it was added). An unsorted contact (imported, not yet given a network) has no
// cadence running: NEVER_DUE.
export function nextDueOn(input: {
  lastConversationAt: string | null;
  sortedAt: string | null;
  cadenceDays: number;
}): string {
  if (input.sortedAt === null) return NEVER_DUE;
  const from = (input.lastConversationAt ?? input.sortedAt).slice(0, 10);
  return addDays(from, input.cadenceDays);
}

export type DueStatus = 'overdue' | 'due-this-week' | 'ok';

export function dueStatus(nextDue: string, today: string): DueStatus {
  const days = daysBetween(today, nextDue);
  if (days < 0) return 'overdue';
  if (days <= 7) return 'due-this-week';
  return 'ok';
}
