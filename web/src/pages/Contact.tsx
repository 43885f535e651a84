import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { call } from '../api.ts';
import { ContactCardFacts, labelWord } from '../components/ContactCardFacts.tsx';
import { ContactDates } from '../components/ContactDates.tsx';
import { ContactEditor } from '../components/ContactEditor.tsx';
import { ContactFollowUps } from '../components/ContactFollowUps.tsx';
import { ContactLinks } from '../components/ContactLinks.tsx';
import { ContactTimeline } from '../components/ContactTimeline.tsx';
import { LogInteractionForm } from '../components/LogInteractionForm.tsx';
import { ErrorNote, Loading, NetworkBadges } from '../components/ui.tsx';
import { formatDay, relativeDay, todayIso } from '../format.ts';
import { GOAL_KIND_LABELS } from '../labels.ts';
import { Link, navigate, useDocumentTitle } from '../router.tsx';

const Composer = lazy(() => import('../components/Composer.tsx'));

function Card({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <div className="fact"><dt>{label}</dt><dd>{children}</dd></div>;
}

export default function Contact({ id }: { id: number }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [writing, setWriting] = useState(false);
  const contact = useQuery({ queryKey: ['contact', id], queryFn: () => call('contact.get', { id }) });
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}), staleTime: 300_000 });
  const goals = useQuery({ queryKey: ['goals'], queryFn: () => call('goal.list', {}) });
  const communities = useQuery({ queryKey: ['communities', 'of', id], queryFn: () => call('community.list', { contactId: id }) });
  const archive = useMutation({
    mutationFn: (archived: boolean) => call('contact.archive', { ids: [id], archived }),
    onSuccess: () => qc.invalidateQueries(),
  });
  const erase = useMutation({
    mutationFn: () => call('contact.erase', { ids: [id] }),
    onSuccess: async () => {
      navigate('/contacts');
      await qc.invalidateQueries();
    },
  });
  useDocumentTitle(contact.data?.name ?? 'Contact');
  if (contact.isPending) return <Loading />;
  if (contact.isError) return <ErrorNote error={contact.error} />;
  const c = contact.data;
  const today = todayIso();
  const type = c.connectionType ? (types.data?.find((t) => t.key === c.connectionType)?.label ?? c.connectionType) : 'No type yet';
  const theirGoals = goals.data?.filter((g) => g.contacts.some((p) => p.id === id)) ?? [];

  return (
    <article className="contact-page">
      <header className="contact-header card">
        <div>
          <h1 tabIndex={-1}>{c.name}{c.archived && <span className="badge badge-none"> archived</span>}</h1>
          <p className="muted">{[c.title, c.organisation].filter(Boolean).join(' at ') || 'No organisation recorded'}</p>
          <p><NetworkBadges networks={c.networks} /> <span className="type-label">{type}</span>
            {c.insideOrganisation !== null && <span className="muted small"> · {c.insideOrganisation ? 'inside' : 'outside'} my organisation</span>}</p>
        </div>
        <dl className="facts">
          <Fact label="Keep in touch">every {c.effectiveCadenceDays} days{c.cadenceDays === null ? ' (network default)' : ''}</Fact>
          {c.nextDueOn === null
            ? <Fact label="Next due"><span className="muted">none yet: unsorted, <a href="/triage">sort in Triage</a></span></Fact>
            : <Fact label="Next due"><span className={c.nextDueOn < today ? 'overdue' : ''}>{formatDay(c.nextDueOn)} ({relativeDay(c.nextDueOn, today)})</span>{c.snoozedUntil ? `, snoozed to ${formatDay(c.snoozedUntil)}` : ''}</Fact>}
          <Fact label="Last conversation">{c.lastInteractionAt ? `${formatDay(c.lastInteractionAt)} (${relativeDay(c.lastInteractionAt, today)})` : 'never'}</Fact>
        </dl>
        <div className="page-actions">
          <button type="button" className="primary" onClick={() => setWriting(true)}>Write a message</button>
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>{editing ? 'Close editor' : 'Edit'}</button>
        </div>
      </header>

      {editing ? <ContactEditor contact={c} onDone={() => setEditing(false)} /> : (
        <section className="card details" aria-label="Details">
          <dl className="facts">
            {c.emails.length > 0 && <Fact label="Email">{c.emails.map((e) => <div key={e.address}><a href={`mailto:${e.address}`}>{e.address}</a>{e.label && <span className="muted small"> {labelWord(e.label)}</span>}</div>)}</Fact>}
            {c.phones.length > 0 && <Fact label="Phone">{c.phones.map((p) => <div key={p.number}><a href={`tel:${p.number.replace(/[^\d+]/g, '')}`}>{p.number}</a>{p.label && <span className="muted small"> {labelWord(p.label)}</span>}</div>)}</Fact>}
            <ContactCardFacts contact={c} />
            {c.webLinks.length > 0 && <Fact label="Web">{c.webLinks.map((w) => <div key={w.url}><a href={w.url} rel="noopener noreferrer" target="_blank">{w.url.replace(/^https?:\/\/(www\.)?/, '')}</a></div>)}</Fact>}
            {c.location && <Fact label="Location">{c.location}</Fact>}
            {c.metWhere && <Fact label="Met">{c.metWhere}{c.metHow ? ` — ${c.metHow}` : ''}</Fact>}
            {c.industry && <Fact label="Industry">{c.industry}</Fact>}
            {c.tags.length > 0 && <Fact label="Tags">{c.tags.map((t) => <Link key={t} className="tag" href={`/contacts?tag=${encodeURIComponent(t)}`}>{t}</Link>)}</Fact>}
          </dl>
          {c.notes ? <p className="note-text" data-testid="contact-notes">{c.notes}</p> : <p className="muted">No notes. <button type="button" className="link-button" onClick={() => setEditing(true)}>Add some</button></p>}
        </section>
      )}

      <div className="contact-columns">
        <div>
          <Card id="h-log" title="Log an interaction"><LogInteractionForm contactIds={[id]} /></Card>
          <Card id="h-timeline" title="Timeline"><ContactTimeline contactId={id} /></Card>
        </div>
        <div>
          <Card id="h-fu" title="Follow-ups"><ContactFollowUps contactId={id} /></Card>
          <Card id="h-dates" title="Important dates"><ContactDates contactId={id} /></Card>
          <Card id="h-links" title="Who they know"><ContactLinks contactId={id} /></Card>
          <Card id="h-goals" title="Goals">
            {theirGoals.length === 0 ? <p className="muted">Not linked to a goal.</p> : (
              <ul className="link-list">{theirGoals.map((g) => <li key={g.id}><Link href={`/goals#goal-${g.id}`}>{g.description}</Link> <span className="muted small">{GOAL_KIND_LABELS[g.kind]}</span></li>)}</ul>
            )}
          </Card>
          <Card id="h-communities" title="Communities">
            {communities.data?.length ? (
              <ul className="link-list">{communities.data.map((m) => <li key={m.id}><Link href="/communities">{m.name}</Link> <span className="muted small">{m.kind}</span></li>)}</ul>
            ) : <p className="muted">In no community you track.</p>}
          </Card>
          <Card id="h-manage" title="Manage">
            <div className="inline-form">
              <button type="button" onClick={() => archive.mutate(!c.archived)}>{c.archived ? 'Bring back' : 'Archive'}</button>
              <button type="button" className="danger" onClick={() => window.confirm(`Erase ${c.name} everywhere? This cannot be undone.`) && erase.mutate()}>Erase…</button>
            </div>
            <ErrorNote error={archive.error ?? erase.error} />
          </Card>
        </div>
      </div>
      {writing && <Suspense fallback={null}><Composer target={{ contactId: id }} onClose={() => setWriting(false)} /></Suspense>}
    </article>
  );
}
