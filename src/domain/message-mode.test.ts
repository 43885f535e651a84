import { describe, expect, it } from 'vitest';
import { describeMessageMode, messageModeFor } from './message-mode.ts';

const TODAY = '2026-12-06';

describe('messageModeFor', () => {
  it('reads a person never spoken to as a first message', () => {
    expect(messageModeFor({ lastConversationAt: null, connectedCount: 0 }, TODAY)).toMatchObject({ mode: 'first', reason: 'never-spoken' });
  });
  it('does not count an import\'s "connected" entry as having spoken', () => {
    const reading = messageModeFor({ lastConversationAt: null, connectedCount: 1 }, TODAY);
    expect(reading).toMatchObject({ mode: 'first', reason: 'only-connected' });
    expect(describeMessageMode(reading)).toMatch(/^First message/);
  });
  it('reopens a thread after a year of silence as a first message: 365 days is cold, 364 is not', () => {
    expect(messageModeFor({ lastConversationAt: '2025-12-06T09:00:00.000Z', connectedCount: 0 }, TODAY)).toMatchObject({ mode: 'first', reason: 'gone-cold', daysSinceConversation: 365 });
    expect(messageModeFor({ lastConversationAt: '2025-12-07', connectedCount: 0 }, TODAY)).toMatchObject({ mode: 'ongoing', daysSinceConversation: 364 });
  });
  it('says 16 months of silence in days, so the user sees why', () => {
    const reading = messageModeFor({ lastConversationAt: '2025-08-06', connectedCount: 2 }, TODAY);
    expect(describeMessageMode(reading)).toContain('487 days ago');
  });
  it('reads a conversation last month as ongoing', () => {
    const reading = messageModeFor({ lastConversationAt: '2026-11-01', connectedCount: 1 }, TODAY);
    expect(reading.mode).toBe('ongoing');
    expect(describeMessageMode(reading)).toMatch(/^Ongoing conversation/);
  });
});
