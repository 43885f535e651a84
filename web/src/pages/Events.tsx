import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { EVENT_KINDS } from '../../../src/domain/entities.ts';
import { call } from '../api.ts';
import { EventDetail } from '../components/EventDetail.tsx';
import { Empty, ErrorNote, Loading, PageHeader } from '../components/ui.tsx';
import { formatDay, plural, todayIso } from '../format.ts';
import { EVENT_KIND_LABELS, keysOf } from '../labels.ts';
import { useDocumentTitle, useRevealOnPhone } from '../router.tsx';

type EventKind = (typeof EVENT_KINDS)[number];
const PAGE = 50;

function NewEvent({ onCreated }: { onCreated: (id: number) => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EventKind>('meetup');
  const [date, setDate] = useState(todayIso());
  const [place, setPlace] = useState('');
  const [communityId, setCommunityId] = useState('');
  const communities = useQuery({ queryKey: ['communities'], queryFn: () => call('community.list', {}) });
  const create = useMutation({
    mutationFn: () => call('event.create', { name, kind, date, place, communityId: communityId ? Number(communityId) : null }),
    onSuccess: async (e) => { setName(''); setPlace(''); await qc.invalidateQueries({ queryKey: ['events'] }); onCreated(e.id); },
  });
  const submit = (e: FormEvent): void => { e.preventDefault(); create.mutate(); };
  return (
    <form className="form card" onSubmit={submit} aria-label="New event">
      <h2>Record an event</h2>
      <div className="field"><label htmlFor="ev-name">Name</label><input id="ev-name" value={name} onChange={(e) => setName(e.target.value)} required /></div>
      <div className="row">
        <div className="field grow">
          <label htmlFor="ev-kind">Kind</label>
          <select id="ev-kind" value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
            {keysOf(EVENT_KIND_LABELS).map((k) => <option key={k} value={k}>{EVENT_KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <div className="field grow"><label htmlFor="ev-date">Date</label><input id="ev-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required /></div>
      </div>
      <div className="row">
        <div className="field grow"><label htmlFor="ev-place">Place</label><input id="ev-place" value={place} onChange={(e) => setPlace(e.target.value)} /></div>
        <div className="field grow">
          <label htmlFor="ev-community">Community</label>
          <select id="ev-community" value={communityId} onChange={(e) => setCommunityId(e.target.value)}>
            <option value="">None</option>
            {communities.data?.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
          </select>
        </div>
      </div>
      <ErrorNote error={create.error} />
      <div className="form-actions"><button type="submit" className="primary" disabled={create.isPending}>Add event</button></div>
    </form>
  );
}

export default function Events() {
  useDocumentTitle('Events');
  const [chosen, setChosen] = useState<number | null>(null);
  const detail = useRef<HTMLDivElement>(null);
  useRevealOnPhone(detail, chosen, chosen !== null);
  const list = useInfiniteQuery({
    queryKey: ['events'],
    queryFn: ({ pageParam }) => call('event.list', { limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const selected = chosen ?? items[0]?.id ?? null;
  return (
    <>
      <PageHeader title="Events"><p className="muted">Conferences, meetups, webinars: who was there and whom you met.</p></PageHeader>
      {/* One grid so a phone shows the chosen event's details right under the list, before the form. */}
      <div className="split events-layout">
        <div className="events-list">
          <div className="card list-card">
            {list.isPending && <Loading />}
            <ErrorNote error={list.error} />
            {list.data && items.length === 0 && <Empty>No events yet.</Empty>}
            {items.map((e) => (
              <button key={e.id} type="button" className="list-button" aria-pressed={e.id === selected} onClick={() => setChosen(e.id)}>
                <strong>{e.name}</strong>
                <span className="muted small"> · {formatDay(e.date)} · {EVENT_KIND_LABELS[e.kind]} · {plural(e.attendeeCount, 'attendee')}</span>
              </button>
            ))}
            {list.hasNextPage && <button type="button" className="ghost" onClick={() => void list.fetchNextPage()}>Show more</button>}
          </div>
        </div>
        <div ref={detail} className="detail-pane events-detail">{selected !== null && <EventDetail id={selected} />}</div>
        <div className="events-new"><NewEvent onCreated={setChosen} /></div>
      </div>
    </>
  );
}
