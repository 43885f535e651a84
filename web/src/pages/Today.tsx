import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { TodaySection, TodayView } from '../../../src/services/today.service.ts';
import { call, callAny } from '../api.ts';
import { ErrorNote, Empty, Loading, NetworkBadges, PageHeader } from '../components/ui.tsx';
import { formatDay, plural, relativeDay } from '../format.ts';
import { ACTION_KIND_LABELS } from '../labels.ts';
import { Link, useDocumentTitle, useLocation } from '../router.tsx';
import type { ComposerTarget } from '../components/Composer.tsx';

// The composer loads on first use, so Today's first bundle stays small.
const Composer = lazy(() => import('../components/Composer.tsx'));

// Short lists, so every section shows on a phone's first screens; "show all" opens the rest in the same order.
const SHORT = 6;
const PAGE = 100;

// Fixed order. Each person appears once: met at a recent event wins over a due action naming them, which wins
// over an open follow-up, which wins over keep in touch (the server applies it).
const SECTIONS: { key: TodaySection; title: string; id: string; total: (t: TodayView) => number; empty: string }[] = [
  { key: 'follow-ups', title: 'Follow-ups', id: 'h-followups', total: (t) => t.followUpsTotal, empty: 'Nothing to follow up.' },
  { key: 'actions', title: 'Actions due', id: 'h-actions', total: (t) => t.actionsTotal, empty: 'No actions due this week.' },
  { key: 'met-at-events', title: 'Met at recent events', id: 'h-met', total: (t) => t.metAtEventsTotal, empty: 'Everyone you met has heard from you.' },
  { key: 'keep-in-touch', title: 'Keep in touch', id: 'h-due', total: (t) => t.keepInTouchTotal, empty: 'No one is due this week.' },
];

// One click, one write, then everything refreshes: the row leaves the list because the server says so.
function useQuick() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: callAny,
    onSuccess: () => qc.invalidateQueries(),
  });
}

function Section({ title, count, children, id, section }: { title: string; count: number; children: ReactNode; id: string; section: TodaySection }) {
  return (
    <section className="card today-section" aria-labelledby={id} data-section={section}>
      <h2 id={id}>{title} <span className="count">{count.toLocaleString()}</span></h2>
      {children}
    </section>
  );
}

interface RowHandlers {
  day: string;
  busy: boolean;
  write: (target: ComposerTarget) => void;
  logMessage: (contactId: number, day: string) => void;
  mutate: (op: { name: string; input: unknown }) => void;
}

// The rows of one section, the same in the short list and in "show all".
function Rows({ section, t, h }: { section: TodaySection; t: TodayView; h: RowHandlers }) {
  const { day, busy, write, logMessage, mutate } = h;
  if (section === 'follow-ups') {
    return (
      <ul className="rows" aria-label="Follow-ups">
        {t.followUps.map((f) => (
          <li key={`f${f.id}`} className="row-item" data-testid="today-row">
            <div className="row-main">
              <Link href={`/contacts/${f.contactId}`}>{f.contactName}</Link>
              <span className="muted">{f.reason}</span>
              <span className={f.dueOn < day ? 'due overdue' : 'due'}>due {relativeDay(f.dueOn, day)}</span>
            </div>
            <div className="row-actions">
              <button type="button" className="primary" onClick={() => write({ contactId: f.contactId, ...(f.source === 'event' ? { template: 'event-follow-up', eventId: f.eventId } : {}) })} aria-label={`Write to ${f.contactName}`}>Write</button>
              <button type="button" disabled={busy} onClick={() => logMessage(f.contactId, day)}>Log message<span className="visually-hidden"> to {f.contactName}</span></button>
              <button type="button" className="ghost" disabled={busy} onClick={() => mutate({ name: 'follow-up.snooze', input: { id: f.id, days: 7 } })}>Snooze 1 wk<span className="visually-hidden">: follow-up with {f.contactName}</span></button>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  if (section === 'actions') {
    return (
      <ul className="rows" aria-label="Actions due">
        {t.actions.map((a) => (
          <li key={`a${a.id}`} className="row-item" data-testid="today-row">
            <div className="row-main">
              <span>{a.description}</span>
              <span className="muted">{ACTION_KIND_LABELS[a.kind as keyof typeof ACTION_KIND_LABELS] ?? a.kind}{a.goal ? ` · ${a.goal}` : ''}</span>
              {a.contactId && <Link href={`/contacts/${a.contactId}`}>{a.contactName}</Link>}
              {a.dueOn && <span className={a.dueOn < day ? 'due overdue' : 'due'}>due {relativeDay(a.dueOn, day)}</span>}
            </div>
            <div className="row-actions">
              <button type="button" disabled={busy} onClick={() => mutate({ name: 'action.done', input: { id: a.id } })}>Done<span className="visually-hidden">: {a.description}</span></button>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  if (section === 'met-at-events') {
    return (
      <ul className="rows" aria-label="Met at recent events">
        {t.metAtEvents.map((m) => (
          <li key={`m${m.contactId}-${m.eventId}`} className="row-item" data-testid="today-row">
            <div className="row-main">
              <Link href={`/contacts/${m.contactId}`}>{m.contactName}</Link>
              <span className="muted">{m.eventName}, {formatDay(m.eventDate)}</span>
            </div>
            <div className="row-actions">
              <button type="button" className="primary" onClick={() => write({ contactId: m.contactId, template: 'event-follow-up', eventId: m.eventId })} aria-label={`Write to ${m.contactName}`}>Write</button>
              <button type="button" disabled={busy} onClick={() => logMessage(m.contactId, day)}>Log message<span className="visually-hidden"> to {m.contactName}</span></button>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="rows" aria-label="Due to keep in touch">
      {[...t.overdue, ...t.dueThisWeek].map((c) => (
        <li key={`c${c.id}`} className="row-item" data-testid="due-contact">
          <div className="row-main">
            <Link href={`/contacts/${c.id}`}>{c.name}</Link>
            {c.organisation && <span className="muted">{c.organisation}</span>}
            <NetworkBadges networks={c.networks} />
            <span className={c.daysOverdue > 0 ? 'due overdue' : 'due'} data-days-overdue={c.daysOverdue}>
              {c.daysOverdue > 0 ? `${plural(c.daysOverdue, 'day')} overdue` : `due ${relativeDay(c.nextDueOn, day)}`}
            </span>
            <span className="muted small">{c.lastInteractionAt ? `last: ${relativeDay(c.lastInteractionAt, day)}` : 'never spoken to'}</span>
          </div>
          <div className="row-actions">
            {/* No template: the server picks reconnect, or a first message for someone never spoken to. */}
            <button type="button" onClick={() => write({ contactId: c.id })} aria-label={`Write to ${c.name}`}>Write</button>
            <button type="button" disabled={busy} onClick={() => logMessage(c.id, day)}>Log message<span className="visually-hidden"> to {c.name}</span></button>
            <button type="button" className="ghost" disabled={busy} onClick={() => mutate({ name: 'contact.snooze', input: { ids: [c.id], days: 7 } })}>Snooze 1 wk<span className="visually-hidden">: {c.name}</span></button>
          </div>
        </li>
      ))}
    </ul>
  );
}

const whenAway = (d: { daysAway: number; on: string }): string => (d.daysAway === 0 ? 'today' : d.daysAway === 1 ? 'tomorrow' : `in ${d.daysAway} days, ${formatDay(d.on)}`);
const occasionOf = (d: TodayView['dates'][number]): string =>
  d.kind === 'birthday' ? 'birthday' : d.label ?? (d.kind === 'anniversary' ? 'anniversary' : 'special day');

// Birthdays and other dates in the window from Settings, each with the server's ready draft for the occasion.
function ComingUp({ t, write }: { t: TodayView; write: (target: ComposerTarget) => void }) {
  return (
    <section className="card today-section" aria-labelledby="h-dates" data-section="dates">
      <h2 id="h-dates">Dates coming up <span className="count">{t.dates.length.toLocaleString()}</span></h2>
      <p className="muted small">The next {plural(t.datesAheadDays, 'day')}, soonest first.</p>
      <ul className="rows" aria-label="Dates coming up">
        {t.dates.map((d) => (
          <li key={`d${d.contactId}-${d.dateId ?? 'b'}-${d.on}`} className="row-item" data-testid="date-row">
            <div className="row-main">
              <Link href={`/contacts/${d.contactId}`}>{d.contactName}</Link>
              <span className="muted">{d.draft?.values.occasionPhrase ?? occasionOf(d)}</span>
              <span className="due">{whenAway(d)}</span>
              {d.draft && (
                <details className="draft-preview">
                  <summary>Draft: {d.draft.subject}</summary>
                  <p className="note-text">{d.draft.text}</p>
                </details>
              )}
            </div>
            <div className="row-actions">
              <button type="button" className="primary" aria-label={`Write to ${d.contactName}`}
                onClick={() => write({ contactId: d.contactId, ...(d.draft ? { template: d.draft.template, values: d.draft.values } : {}) })}>Write</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

// Several pages of one section joined into one view, in the server's order.
function joinPages(pages: readonly TodayView[]): TodayView {
  const [first] = pages;
  if (!first) throw new Error('no page');
  return pages.slice(1).reduce((all, p) => ({
    ...all,
    followUps: [...all.followUps, ...p.followUps],
    actions: [...all.actions, ...p.actions],
    metAtEvents: [...all.metAtEvents, ...p.metAtEvents],
    overdue: [...all.overdue, ...p.overdue],
    dueThisWeek: [...all.dueThisWeek, ...p.dueThisWeek],
  }), first);
}

const shownIn = (section: TodaySection, t: TodayView): number =>
  section === 'follow-ups' ? t.followUps.length : section === 'actions' ? t.actions.length : section === 'met-at-events' ? t.metAtEvents.length : t.overdue.length + t.dueThisWeek.length;

function AllOf({ section, h }: { section: TodaySection; h: Omit<RowHandlers, 'day'> }) {
  const meta = SECTIONS.find((s) => s.key === section)!;
  const pages = useInfiniteQuery({
    queryKey: ['today', section],
    queryFn: ({ pageParam }) => call('today', { section, limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, all) => {
      const loaded = all.reduce((n, p) => n + shownIn(section, p), 0);
      return loaded < meta.total(last) ? loaded : undefined;
    },
  });
  if (pages.isPending) return <Loading what={`Gathering ${meta.title.toLowerCase()}`} />;
  if (pages.isError) return <ErrorNote error={pages.error} />;
  const t = joinPages(pages.data.pages);
  const total = meta.total(t);
  return (
    <>
      <PageHeader title={meta.title}>
        <p className="muted">{plural(total, 'entry', 'entries')}, most overdue first · <Link href="/">Back to Today</Link></p>
      </PageHeader>
      <Section id={meta.id} title={meta.title} count={total} section={section}>
        {total === 0 ? <p className="muted">{meta.empty}</p> : <Rows section={section} t={t} h={{ ...h, day: t.today }} />}
        {pages.hasNextPage && (
          <p><button type="button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>Show {Math.min(PAGE, total - shownIn(section, t))} more</button></p>
        )}
      </Section>
    </>
  );
}

export function Today() {
  const { search } = useLocation();
  const show = search.get('show');
  const shown = SECTIONS.find((s) => s.key === show) ?? null;
  const section = shown?.key ?? null;
  useDocumentTitle(shown ? `Today: ${shown.title}` : 'Today');
  const today = useQuery({ queryKey: ['today'], queryFn: () => call('today', { limit: SHORT }), enabled: section === null });
  const quick = useQuick();
  const [writeTo, setWriteTo] = useState<ComposerTarget | null>(null);
  const handlers = {
    busy: quick.isPending,
    write: setWriteTo,
    mutate: (op: { name: string; input: unknown }) => quick.mutate(op as Parameters<typeof callAny>[0]),
    logMessage: (contactId: number, day: string) => quick.mutate({ name: 'interaction.log', input: { contactIds: [contactId], kind: 'message', occurredAt: day } }),
  };
  const composer = writeTo && <Suspense fallback={null}><Composer target={writeTo} onClose={() => setWriteTo(null)} /></Suspense>;

  if (section !== null) {
    return (
      <>
        <ErrorNote error={quick.error} />
        <AllOf section={section} h={handlers} />
        {composer}
      </>
    );
  }
  if (today.isPending) return <Loading what="Gathering today" />;
  if (today.isError) return <ErrorNote error={today.error} />;
  const t = today.data;
  const day = t.today;
  const nothing = SECTIONS.every((s) => s.total(t) === 0) && t.dates.length === 0;

  return (
    <>
      <PageHeader title="Today">
        <p className="muted">{formatDay(day)}</p>
      </PageHeader>
      <ErrorNote error={quick.error} />
      {nothing && <Empty>Nothing is due. A good moment to write to someone you have not heard from in a while.</Empty>}
      <div className="today-grid">
        {SECTIONS.filter((s) => s.total(t) > 0).map((s) => (
          <Section key={s.key} id={s.id} title={s.title} count={s.total(t)} section={s.key}>
            <Rows section={s.key} t={t} h={{ ...handlers, day }} />
            {s.total(t) > shownIn(s.key, t) && (
              <p className="small show-all"><Link href={`/?show=${s.key}`}>Show all {s.total(t).toLocaleString()}</Link> <span className="muted">most overdue first</span></p>
            )}
          </Section>
        ))}
        {t.dates.length > 0 && <ComingUp t={t} write={setWriteTo} />}
      </div>
      {composer}
    </>
  );
}

export default Today;
