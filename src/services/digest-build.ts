import { addDays, toIsoDay } from '../domain/dates.ts';
import { DIGEST_SECTIONS, digestTitle, type Digest, type DigestEntry, type DigestSection, type DigestSectionKey } from '../domain/digest.ts';
import { occasionPhrase } from '../domain/important-dates.ts';
import { eventsBetween } from '../store/repositories/digest.repository.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import { actionsDue, dueContacts, followUpsDue } from '../store/repositories/today.repository.ts';
import { composeDrafts, composeSchema } from './drafts.service.ts';
import { upcomingDates, upcomingWithDrafts } from './important-dates.service.ts';
import { parseInput, type ServiceContext } from './operation.ts';

// A digest shows the first few of each section; its link opens the rest.
export const DIGEST_ENTRIES = 5;
export const DEFAULT_WEB_BASE = 'http://127.0.0.1:4747';

const TITLES: Record<DigestSectionKey, string> = {
  'follow-ups': 'Follow-ups due', 'keep-in-touch': 'Keep in touch', dates: 'Dates coming up', actions: 'Actions due', events: 'Events this week',
};

// The digest for a day: a daily one holds what is due by that day, a weekly one what falls due in the next seven.
export async function buildDigest(ctx: ServiceContext, opts: { day?: string; weekly?: boolean } = {}): Promise<Digest> {
  const { store } = ctx;
  const day = opts.day ?? toIsoDay(ctx.clock.now());
  const settings = await loadSettings(store);
  const weekly = opts.weekly ?? settings.digest.frequency === 'weekly';
  const dueBy = weekly ? addDays(day, 6) : day;
  const base = (settings.webBaseUrl ?? DEFAULT_WEB_BASE).replace(/\/+$/, '');
  const contactLink = (id: number) => `${base}/contacts/${id}`;
  const [followUps, keepInTouch, actions, dates, events] = await Promise.all([
    followUpsDue(store, dueBy, day, DIGEST_ENTRIES, 0, []),
    dueContacts(store, dueBy, DIGEST_ENTRIES),
    actionsDue(store, dueBy, DIGEST_ENTRIES),
    upcomingDates(store, day, Math.max(settings.datesAheadDays, weekly ? 7 : 0)),
    eventsBetween(store, day, addDays(day, 6), DIGEST_ENTRIES),
  ]);
  // The people to write to, each with the draft Today would offer (the template their occasion suggests).
  const people = [...followUps.items.map((f) => f.contactId), ...keepInTouch.items.map((c) => c.id)];
  const drafts = await composeDrafts(ctx, people.map((contactId) => parseInput(composeSchema, { contactId })));
  const draftOf = (i: number) => ({ subject: drafts[i]!.subject, text: drafts[i]!.text });
  const shownDates = await upcomingWithDrafts(ctx, dates.slice(0, DIGEST_ENTRIES));
  const entries: Record<DigestSectionKey, { total: number; entries: DigestEntry[] }> = {
    'follow-ups': {
      total: followUps.total,
      entries: followUps.items.map((f, i) => ({ who: f.contactName, what: f.reason, when: `due ${f.dueOn}`, link: contactLink(f.contactId), draft: draftOf(i) })),
    },
    'keep-in-touch': {
      total: keepInTouch.total,
      entries: keepInTouch.items.map((c, i) => ({
        who: c.name, what: c.lastInteractionAt ? `last in touch ${c.lastInteractionAt.slice(0, 10)}` : 'never in touch yet', when: `due ${c.nextDueOn}`,
        link: contactLink(c.id), draft: draftOf(followUps.items.length + i),
      })),
    },
    dates: {
      total: dates.length,
      entries: shownDates.map((d) => ({
        who: d.contactName, what: occasionPhrase(d), when: d.daysAway === 0 ? 'today' : d.daysAway === 1 ? `tomorrow, ${d.on}` : d.on,
        link: contactLink(d.contactId), draft: d.draft ? { subject: d.draft.subject, text: d.draft.text } : null,
      })),
    },
    actions: {
      total: actions.total,
      entries: actions.items.map((a) => ({
        who: a.contactName, what: a.description, when: a.dueOn ? `due ${a.dueOn}` : null, link: a.contactId ? contactLink(a.contactId) : `${base}/goals`, draft: null,
      })),
    },
    events: {
      total: events.total,
      entries: events.items.map((e) => ({ who: null, what: e.place ? `${e.name}, ${e.place}` : e.name, when: e.date, link: `${base}/events`, draft: null })),
    },
  };
  const sections: DigestSection[] = DIGEST_SECTIONS.map((key) => ({ key, title: TITLES[key], ...entries[key] }));
  const count = sections.reduce((n, s) => n + s.total, 0);
  return { day, title: digestTitle(day, count), link: base, sections, count };
}
