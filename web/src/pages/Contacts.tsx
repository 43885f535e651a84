import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api.ts';
import { BulkBar } from '../components/BulkBar.tsx';
import { ContactFilters, FILTER_KEYS, type Filters } from '../components/ContactFilters.tsx';
import { ContactVirtualList, type ContactRow, type ListParams } from '../components/ContactVirtualList.tsx';
import { PageHeader } from '../components/ui.tsx';
import { plural } from '../format.ts';
import { navigate, useDocumentTitle, useLocation } from '../router.tsx';
import { consumeSearchFocus, FOCUS_SEARCH } from '../shortcuts.ts';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return v;
}

function toParams(query: string, f: Filters, archived: boolean): ListParams {
  const p: Record<string, unknown> = { archived };
  if (query.trim()) p.query = query.trim();
  for (const k of FILTER_KEYS) if (f[k] !== '') p[k] = f[k];
  return p as ListParams;
}

export default function Contacts() {
  useDocumentTitle('Contacts');
  const { search } = useLocation();
  const [query, setQuery] = useState(search.get('q') ?? '');
  const [filters, setFilters] = useState<Filters>(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k) ?? ''])) as unknown as Filters);
  const [archived, setArchived] = useState(search.get('archived') === 'true');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  // Every contact matching the filters, not only the rows loaded on screen.
  const [allMatching, setAllMatching] = useState(false);
  const [total, setTotal] = useState(0);
  const rowAt = useRef<(i: number) => ContactRow | undefined>(() => undefined);
  const lastClicked = useRef<number | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const debounced = useDebounced(query, 120);
  const params = toParams(debounced, filters, archived);
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}), staleTime: 300_000 });
  const typeLabel = useCallback((key: string | null) => (key ? (types.data?.find((t) => t.key === key)?.label ?? key) : ''), [types.data]);

  // The address bar mirrors the search, so a filtered view can be bookmarked or shared with a future self.
  useEffect(() => {
    const qs = new URLSearchParams();
    if (debounced.trim()) qs.set('q', debounced.trim());
    for (const k of FILTER_KEYS) if (filters[k]) qs.set(k, filters[k]);
    if (archived) qs.set('archived', 'true');
    const next = `/contacts${qs.toString() ? `?${qs}` : ''}`;
    if (next !== window.location.pathname + window.location.search) navigate(next, { replace: true });
  }, [debounced, filters, archived]);

  useEffect(() => {
    const focus = (): void => searchBox.current?.focus();
    if (consumeSearchFocus()) focus();
    window.addEventListener(FOCUS_SEARCH, focus);
    return () => window.removeEventListener(FOCUS_SEARCH, focus);
  }, []);

  const onLoaded = useCallback((n: number, at: (i: number) => ContactRow | undefined) => {
    rowAt.current = at;
    setTotal(n);
  }, []);

  // Shift-click selects the run between the last clicked row and this one, as in a mail client.
  const onToggle = (row: ContactRow, index: number, shift: boolean): void => {
    setSelected((prev) => {
      const next = new Set(prev);
      const on = !prev.has(row.id);
      const from = shift && lastClicked.current !== null ? Math.min(lastClicked.current, index) : index;
      const to = shift && lastClicked.current !== null ? Math.max(lastClicked.current, index) : index;
      for (let i = from; i <= to; i++) {
        const r = i === index ? row : rowAt.current(i);
        if (r) { if (on) next.add(r.id); else next.delete(r.id); }
      }
      return next;
    });
    lastClicked.current = index;
  };

  return (
    <div className="contacts-page">
      <PageHeader title="Contacts">
        <p className="muted" role="status" aria-live="polite">{plural(total, archived ? 'archived contact' : 'contact')}</p>
      </PageHeader>
      <div className="search-row">
        <label htmlFor="contact-search" className="visually-hidden">Search contacts</label>
        <input id="contact-search" ref={searchBox} type="search" value={query} onChange={(e) => { setQuery(e.target.value); setAllMatching(false); }}
          placeholder="Search names, organisations, notes, tags, conversations…  ( / )" autoComplete="off" />
        <div className="field checkbox">
          <input id="show-archived" type="checkbox" checked={archived} onChange={(e) => { setArchived(e.target.checked); setSelected(new Set()); setAllMatching(false); }} />
          <label htmlFor="show-archived">Archived</label>
        </div>
      </div>
      <ContactFilters value={filters} onChange={(f) => { setFilters(f); setSelected(new Set()); setAllMatching(false); }} />
      {(selected.size > 0 || allMatching) && total > selected.size && !allMatching && (
        <p className="muted small">
          <button type="button" className="ghost" onClick={() => setAllMatching(true)}>Select all {plural(total, 'matching contact')}</button>
        </p>
      )}
      {allMatching
        ? <BulkBar target={{ filter: params, count: total }} onClear={() => { setAllMatching(false); setSelected(new Set()); }} />
        : selected.size > 0 && <BulkBar target={{ ids: [...selected] }} onClear={() => setSelected(new Set())} />}
      <ContactVirtualList params={params} selected={selected} onToggle={onToggle} onLoaded={onLoaded} typeLabel={typeLabel} />
    </div>
  );
}
