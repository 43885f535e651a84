import { addDays, daysBetween } from './dates.ts';
import type { Network } from './networks.ts';
import { UNASSIGNED_CADENCE_DAYS } from './situations.ts';

export type CadenceDefaults = Record<Network, number>;

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

// Next due = last interaction (any kind) + cadence; a contact never met is counted from when it was added.
export function nextDueOn(input: {
  lastInteractionAt: string | null;
  createdAt: string;
  cadenceDays: number;
}): string {
  const from = (input.lastInteractionAt ?? input.createdAt).slice(0, 10);
  return addDays(from, input.cadenceDays);
}

export type DueStatus = 'overdue' | 'due-this-week' | 'ok';

export function dueStatus(nextDue: string, today: string): DueStatus {
  const days = daysBetween(today, nextDue);
  if (days < 0) return 'overdue';
  if (days <= 7) return 'due-this-week';
  return 'ok';
}
