import { z } from 'zod';
import type { FollowUpSource } from '../domain/entities.ts';
import { toIsoDay } from '../domain/dates.ts';
import { messageModeFor } from '../domain/message-mode.ts';
import { conversationRecords } from '../store/repositories/drafts.repository.ts';
import { suggestedTemplate } from './drafts-lint.ts';
import { composeDrafts, composeSchema, type ComposedDraft } from './drafts.service.ts';
import { defineOperation, parseInput, type ServiceContext } from './operation.ts';
import { todayLists } from './today.service.ts';
import { outreachTodayOutput } from './schemas/outreach.ts';

export type OutreachReason = 'follow-up' | 'met-at-event' | 'overdue';
export interface OutreachItem {
  contactId: number;
  contactName: string;
  reason: OutreachReason;
  // Why this person is on the list, in words (the follow-up's own reason, the event, the lateness).
  why: string;
  dueOn: string | null;
  followUpId: number | null;
  eventId: number | null;
  template: string;
  draft: ComposedDraft;
}

type Candidate = Omit<OutreachItem, 'template' | 'draft'> & { source: FollowUpSource | null; template: string | null };

const composeInput = (contactId: number, template: string, eventId: number | null) =>
  parseInput(composeSchema, { contactId, template, ...(eventId !== null ? { eventId } : {}) });

async function withDrafts(ctx: ServiceContext, candidates: readonly Candidate[]): Promise<OutreachItem[]> {
  const records = await conversationRecords(ctx.store, candidates.map((c) => c.contactId));
  const day = toIsoDay(ctx.clock.now());
  const chosen = candidates.map(({ source, template: fixed, ...c }) => ({
    ...c, template: fixed ?? suggestedTemplate(source, messageModeFor(records.get(c.contactId) ?? { lastConversationAt: null, connectedCount: 0 }, day)),
  }));
  // All drafts at once: the queries stay the same for 1 candidate as for 100.
  const drafts = await composeDrafts(ctx, chosen.map((c) => composeInput(c.contactId, c.template, c.eventId)));
  return chosen.map((c, i) => ({ ...c, draft: drafts[i]! }));
}

export const outreachToday = defineOperation({
  name: 'outreach.today',
  summary: "Today's people to write to, each with a ready draft: follow-ups due this week, people met at recent events, overdue ties",
  effect: 'read',
  input: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  output: outreachTodayOutput,
  http: { method: 'get', path: '/outreach/today' },
  run: async (ctx, { limit }): Promise<{ today: string; items: OutreachItem[] }> => {
    // Today's sections without its dates coming up: those drafts are Today's, not outreach's.
    const view = await todayLists(ctx, { limit, offset: 0 }, { dates: false });
    const seen = new Set<number>();
    const candidates: Candidate[] = [];
    const add = (c: Candidate) => {
      if (seen.has(c.contactId)) return;
      seen.add(c.contactId);
      candidates.push(c);
    };
    for (const f of view.followUps) {
      add({
        contactId: f.contactId, contactName: f.contactName, reason: 'follow-up', why: f.reason, dueOn: f.dueOn, followUpId: f.id,
        eventId: f.eventId, source: f.source, template: null,
      });
    }
    for (const m of view.metAtEvents) {
      add({
        contactId: m.contactId, contactName: m.contactName, reason: 'met-at-event', why: `Met at ${m.eventName} on ${m.eventDate}`, dueOn: null,
        followUpId: null, eventId: m.eventId, source: null, template: 'event-follow-up',
      });
    }
    for (const c of view.overdue) {
      add({
        contactId: c.id, contactName: c.name, reason: 'overdue', why: `${c.daysOverdue} days past keep-in-touch`, dueOn: c.nextDueOn,
        // Reconnect, or a first message for someone never spoken to (an import's connections).
        followUpId: null, eventId: null, source: null, template: null,
      });
    }
    return { today: view.today, items: await withDrafts(ctx, candidates.slice(0, limit)) };
  },
});
