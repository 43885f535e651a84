import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { call, callAny } from '../api.ts';
import { ErrorNote, Empty, Loading, NetworkBadges, PageHeader } from '../components/ui.tsx';
import { formatDay, plural, relativeDay } from '../format.ts';
import { ACTION_KIND_LABELS } from '../labels.ts';
import { Link, useDocumentTitle } from '../router.tsx';
import type { ComposerTarget } from '../components/Composer.tsx';

// The composer loads on first use, so Today's first bundle stays small.
const Composer = lazy(() => import('../components/Composer.tsx'));

// One click, one write, then everything refreshes: the row leaves the list because the server says so.
function useQuick() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: callAny,
    onSuccess: () => qc.invalidateQueries(),
  });
}

function Section({ title, count, children, id }: { title: string; count: number; children: ReactNode; id: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title} <span className="count">{count}</span></h2>
      {children}
    </section>
  );
}

export function Today() {
  useDocumentTitle('Today');
  const today = useQuery({ queryKey: ['today'], queryFn: () => call('today', { limit: 50 }) });
  const quick = useQuick();
  const [writeTo, setWriteTo] = useState<ComposerTarget | null>(null);
  if (today.isPending) return <Loading what="Gathering today" />;
  if (today.isError) return <ErrorNote error={today.error} />;
  const t = today.data;
  const day = t.today;
  const logMessage = (contactId: number): void => quick.mutate({ name: 'interaction.log', input: { contactIds: [contactId], kind: 'message', occurredAt: day } });
  const busy = quick.isPending;
  const nothing = t.followUps.length + t.overdue.length + t.dueThisWeek.length + t.actions.length + t.metAtEvents.length === 0;

  return (
    <>
      <PageHeader title="Today">
        <p className="muted">{formatDay(day)}</p>
      </PageHeader>
      <ErrorNote error={quick.error} />
      {nothing && <Empty>Nothing is due. A good moment to write to someone you have not heard from in a while.</Empty>}
      <div className="today-grid">
        {t.followUps.length > 0 && (
          <Section id="h-followups" title="Follow-ups" count={t.followUps.length}>
            <ul className="rows">
              {t.followUps.map((f) => (
                <li key={`f${f.id}`} className="row-item">
                  <div className="row-main">
                    <Link href={`/contacts/${f.contactId}`}>{f.contactName}</Link>
                    <span className="muted">{f.reason}</span>
                    <span className={f.dueOn < day ? 'due overdue' : 'due'}>due {relativeDay(f.dueOn, day)}</span>
                  </div>
                  <div className="row-actions">
                    <button type="button" className="primary" onClick={() => setWriteTo({ contactId: f.contactId, ...(f.source === 'event' ? { template: 'event-follow-up', eventId: f.eventId } : {}) })} aria-label={`Write to ${f.contactName}`}>Write</button>
                    <button type="button" disabled={busy} onClick={() => logMessage(f.contactId)} >Log message<span className="visually-hidden"> to {f.contactName}</span></button>
                    <button type="button" className="ghost" disabled={busy} onClick={() => quick.mutate({ name: 'follow-up.snooze', input: { id: f.id, days: 7 } })} >Snooze 1 wk<span className="visually-hidden">: follow-up with {f.contactName}</span></button>
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        )}
        {(t.overdue.length > 0 || t.dueThisWeek.length > 0) && (
          <Section id="h-due" title="Keep in touch" count={t.keepInTouchTotal}>
            <ul className="rows" aria-label="Due to keep in touch">
              {[...t.overdue, ...t.dueThisWeek].map((c) => (
                <li key={`c${c.id}`} className="row-item" data-testid="due-contact">
                  <div className="row-main">
                    <Link href={`/contacts/${c.id}`}>{c.name}</Link>
                    {c.organisation && <span className="muted">{c.organisation}</span>}
                    <NetworkBadges networks={c.networks} />
                    <span className={c.daysOverdue > 0 ? 'due overdue' : 'due'}>
                      {c.daysOverdue > 0 ? `${plural(c.daysOverdue, 'day')} overdue` : `due ${relativeDay(c.nextDueOn, day)}`}
                    </span>
                    <span className="muted small">last: {c.lastInteractionAt ? relativeDay(c.lastInteractionAt, day) : 'never'}</span>
                  </div>
                  <div className="row-actions">
                    <button type="button" onClick={() => setWriteTo({ contactId: c.id, template: c.lastInteractionAt ? 'reconnect' : 'thanks-after-connecting' })} aria-label={`Write to ${c.name}`}>Write</button>
                    <button type="button" disabled={busy} onClick={() => logMessage(c.id)} >Log message<span className="visually-hidden"> to {c.name}</span></button>
                    <button type="button" className="ghost" disabled={busy} onClick={() => quick.mutate({ name: 'contact.snooze', input: { ids: [c.id], days: 7 } })} >Snooze 1 wk<span className="visually-hidden">: {c.name}</span></button>
                  </div>
                </li>
              ))}
            </ul>
            {t.keepInTouchTotal > t.overdue.length + t.dueThisWeek.length && (
              <p className="muted small"><Link href="/contacts?due=due">See all {t.keepInTouchTotal.toLocaleString()} due</Link></p>
            )}
          </Section>
        )}
        {t.actions.length > 0 && (
          <Section id="h-actions" title="Actions due" count={t.actions.length}>
            <ul className="rows">
              {t.actions.map((a) => (
                <li key={`a${a.id}`} className="row-item">
                  <div className="row-main">
                    <span>{a.description}</span>
                    <span className="muted">{ACTION_KIND_LABELS[a.kind as keyof typeof ACTION_KIND_LABELS] ?? a.kind}{a.goal ? ` · ${a.goal}` : ''}</span>
                    {a.contactId && <Link href={`/contacts/${a.contactId}`}>{a.contactName}</Link>}
                    {a.dueOn && <span className={a.dueOn < day ? 'due overdue' : 'due'}>due {relativeDay(a.dueOn, day)}</span>}
                  </div>
                  <div className="row-actions">
                    <button type="button" disabled={busy} onClick={() => quick.mutate({ name: 'action.done', input: { id: a.id } })} >Done<span className="visually-hidden">: {a.description}</span></button>
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        )}
        {t.metAtEvents.length > 0 && (
          <Section id="h-met" title="Met at recent events" count={t.metAtEvents.length}>
            <ul className="rows">
              {t.metAtEvents.map((m) => (
                <li key={`m${m.contactId}-${m.eventId}`} className="row-item">
                  <div className="row-main">
                    <Link href={`/contacts/${m.contactId}`}>{m.contactName}</Link>
                    <span className="muted">{m.eventName}, {formatDay(m.eventDate)}</span>
                  </div>
                  <div className="row-actions">
                    <button type="button" className="primary" onClick={() => setWriteTo({ contactId: m.contactId, template: 'event-follow-up', eventId: m.eventId })} aria-label={`Write to ${m.contactName}`}>Write</button>
                    <button type="button" disabled={busy} onClick={() => logMessage(m.contactId)} >Log message<span className="visually-hidden"> to {m.contactName}</span></button>
                  </div>
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>
      {writeTo && <Suspense fallback={null}><Composer target={writeTo} onClose={() => setWriteTo(null)} /></Suspense>}
    </>
  );
}

export default Today;
