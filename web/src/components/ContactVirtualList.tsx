import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import { call, type Input, type Output } from '../api.ts';
import { relativeDay, todayIso } from '../format.ts';
import { Link } from '../router.tsx';
import { NetworkBadges } from './ui.tsx';

export type ListParams = Omit<Input<'contact.list'>, 'limit' | 'offset'>;
export type ContactRow = Output<'contact.list'>['items'][number];

const PAGE = 100;
const ROW_HEIGHT = 60;

const fetchPage = (params: ListParams, page: number, signal: AbortSignal) => call('contact.list', { ...params, limit: PAGE, offset: page * PAGE }, { signal });

// Only the rows on screen exist in the DOM, and only the pages under them are fetched: 30,000 contacts scroll
// as smoothly as 30.
export function ContactVirtualList({ params, selected, onToggle, onLoaded, typeLabel }: {
  params: ListParams;
  selected: ReadonlySet<number>;
  onToggle: (row: ContactRow, index: number, shift: boolean) => void;
  onLoaded: (total: number, rowAt: (index: number) => ContactRow | undefined) => void;
  typeLabel: (key: string | null) => string;
}) {
  const first = useQuery({ queryKey: ['contacts', params, 0], queryFn: ({ signal }) => fetchPage(params, 0, signal), placeholderData: keepPreviousData });
  const total = first.data?.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const rows = virtual.getVirtualItems();
  const pages = [...new Set(rows.map((r) => Math.floor(r.index / PAGE)))].filter((p) => p > 0);
  const results = useQueries({
    queries: pages.map((p) => ({ queryKey: ['contacts', params, p], queryFn: ({ signal }: { signal: AbortSignal }) => fetchPage(params, p, signal), staleTime: 30_000 })),
  });
  const pageData = new Map<number, Output<'contact.list'>>();
  if (first.data) pageData.set(0, first.data);
  pages.forEach((p, i) => { const d = results[i]?.data; if (d) pageData.set(p, d); });
  const rowAt = (index: number): ContactRow | undefined => pageData.get(Math.floor(index / PAGE))?.items[index % PAGE];

  useEffect(() => { onLoaded(total, rowAt); });
  // A new search or filter starts at the top.
  const key = JSON.stringify(params);
  useEffect(() => { scroller.current?.scrollTo({ top: 0 }); }, [key]);

  const today = todayIso();
  return (
    <div ref={scroller} className="virtual-scroller" tabIndex={-1} aria-busy={first.isFetching}>
      <ul className="virtual-list" style={{ height: virtual.getTotalSize() }} aria-label="Contacts">
        {rows.map((r) => {
          const c = rowAt(r.index);
          return (
            <li key={c ? c.id : `i${r.index}`} className={`contact-row${c && selected.has(c.id) ? ' selected' : ''}`}
              style={{ transform: `translateY(${r.start}px)`, height: ROW_HEIGHT }} aria-setsize={total} aria-posinset={r.index + 1}>
              {c ? (
                <>
                  <input type="checkbox" aria-label={`Select ${c.name}`} checked={selected.has(c.id)} readOnly
                    onClick={(e: MouseEvent<HTMLInputElement>) => onToggle(c, r.index, e.shiftKey)} />
                  <div className="contact-cell">
                    <Link href={`/contacts/${c.id}`} className="contact-name">{c.name}</Link>
                    <span className="muted small">{[c.title, c.organisation].filter(Boolean).join(', ') || '\u00a0'}</span>
                  </div>
                  <div className="contact-meta">
                    <NetworkBadges networks={c.networks} />
                    <span className="muted small">{typeLabel(c.connectionType)}</span>
                  </div>
                  <span className={`due small${c.nextDueOn !== null && c.nextDueOn < today ? ' overdue' : ''}`}>{c.archived ? 'archived' : c.nextDueOn === null ? 'unsorted' : `due ${relativeDay(c.nextDueOn, today)}`}</span>
                </>
              ) : (
                <span className="muted small placeholder-row">Loading…</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
