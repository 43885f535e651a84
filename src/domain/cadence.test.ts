import { describe, expect, it } from 'vitest';
import { dueStatus, effectiveCadenceDays, isConversation, NEVER_DUE, nextDueOn } from './cadence.ts';
import { CADENCE_DEFAULTS } from './situations.ts';

const defaults = CADENCE_DEFAULTS['growing-in-role'];

describe('cadence rule', () => {
  it('uses the override before any network default', () => {
    expect(effectiveCadenceDays(['operational'], 7, defaults)).toBe(7);
  });
  it('takes the shortest cadence among several networks', () => {
    expect(effectiveCadenceDays(['personal', 'operational'], null, defaults)).toBe(30);
  });
  it('gives a contact with no network a slow cadence rather than none', () => {
    expect(effectiveCadenceDays([], null, defaults)).toBe(180);
  });
  it('counts from the last conversation, else from when the contact was sorted', () => {
    expect(nextDueOn({ lastConversationAt: '2026-01-10T09:00:00.000Z', sortedAt: '2025-01-01', cadenceDays: 30 })).toBe('2026-02-09');
    expect(nextDueOn({ lastConversationAt: null, sortedAt: '2026-03-01T00:00:00.000Z', cadenceDays: 10 })).toBe('2026-03-11');
  });
  it('runs no cadence for an unsorted contact, whatever it has on record', () => {
    expect(nextDueOn({ lastConversationAt: null, sortedAt: null, cadenceDays: 30 })).toBe(NEVER_DUE);
    expect(nextDueOn({ lastConversationAt: '2019-05-01T12:00:00.000Z', sortedAt: null, cadenceDays: 30 })).toBe(NEVER_DUE);
  });
  it('does not take "connected on LinkedIn" for a conversation', () => {
    expect(isConversation('connected')).toBe(false);
    expect(isConversation('coffee')).toBe(true);
    expect(isConversation('message')).toBe(true);
  });
  it('sorts a due date into overdue, due this week or fine', () => {
    expect(dueStatus('2026-11-22', '2026-11-23')).toBe('overdue');
    expect(dueStatus('2026-11-23', '2026-11-23')).toBe('due-this-week');
    expect(dueStatus('2026-11-30', '2026-11-23')).toBe('due-this-week');
    expect(dueStatus('2026-12-01', '2026-11-23')).toBe('ok');
  });
});
