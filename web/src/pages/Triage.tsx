import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Network } from '../../../src/domain/networks.ts';
import { call, type Input, type Output } from '../api.ts';
import { Empty, ErrorNote, Loading, PageHeader } from '../components/ui.tsx';
import { formatDay, plural } from '../format.ts';
import { NETWORK_LABELS, NETWORKS } from '../labels.ts';
import { Link, useDocumentTitle } from '../router.tsx';

type Page = Output<'triage.list'>;
type Item = Page['items'][number];
type Rule = NonNullable<Input<'triage.list'>['rule']>;
type SortInput = Input<'triage.sort'>;

// One key per network: the first letter, or its place in the list.
const NETWORK_KEYS: Record<string, Network> = { o: 'operational', p: 'personal', s: 'strategic', 1: 'operational', 2: 'personal', 3: 'strategic' };
const RULE_LABELS: Record<Rule, string> = {
  'my-organisation': 'at my organisation', recruiter: 'recruiters', investor: 'investors', founder: 'founders', leader: 'leaders', mentor: 'mentors and coaches',
  educator: 'educators', consultant: 'consultants', contractor: 'freelancers', government: 'public sector', community: 'shared communities', alumni: 'fellow alumni',
  'no-clue': 'no clue in title',
};

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog[open]') !== null;
}

// Enter on a link or button belongs to it, not to the triage list.
const activatable = (target: EventTarget | null): boolean => target instanceof HTMLElement && ['A', 'BUTTON'].includes(target.tagName);

interface RowActions { accept: () => void; into: (n: Network) => void; skip: () => void; archive: () => void; busy: boolean }

function Row({ item, active, onPick, act }: { item: Item; active: boolean; onPick: () => void; act: RowActions }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => { if (active) ref.current?.scrollIntoView({ block: 'nearest' }); }, [active]);
  return (
    <li ref={ref} id={`triage-${item.id}`} role="option" aria-selected={active} className={`triage-row${active ? ' active' : ''}`} onClick={onPick}>
      <div className="triage-who">
        <Link href={`/contacts/${item.id}`}><strong>{item.name}</strong></Link>
        <span className="muted small">{[item.title, item.organisation].filter(Boolean).join(' at ') || 'no title or organisation'}</span>
        {item.connectedOn && <span className="muted small">connected on LinkedIn {formatDay(item.connectedOn)}</span>}
      </div>
      <div className="triage-suggestion">
        <span className={`badge badge-${item.suggestion.network}`}>{NETWORK_LABELS[item.suggestion.network]}</span>
        <span className="small">{item.suggestion.reason}</span>
        {item.priority && <span className="small priority">Reconnect first: {item.priority}</span>}
      </div>
      {active && (
        // The same choices as the keys, for a pointer or a phone.
        <div className="triage-actions" data-clear-of-toast role="group" aria-label={`Sort ${item.name}`}>
          <button type="button" className="primary" disabled={act.busy} onClick={act.accept}>Accept</button>
          {NETWORKS.map((n) => <button key={n} type="button" disabled={act.busy} onClick={() => act.into(n)}>{NETWORK_LABELS[n]}</button>)}
          <button type="button" className="ghost" onClick={act.skip}>Skip</button>
          <button type="button" className="ghost" disabled={act.busy} onClick={act.archive}>Archive</button>
        </div>
      )}
    </li>
  );
}

export default function Triage() {
  useDocumentTitle('Triage');
  const qc = useQueryClient();
  const [rule, setRule] = useState<Rule | ''>('');
  const [network, setNetwork] = useState<Network | ''>('');
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  // Skipped stay unsorted; they wait at the end of this visit's list.
  const [skipped, setSkipped] = useState<number[]>([]);
  const [done, setDone] = useState<string | null>(null);
  // Sorted in this visit: hidden at once, before the list comes back from the server.
  const [gone, setGone] = useState<ReadonlySet<number>>(new Set());
  const [bulkNetwork, setBulkNetwork] = useState<Network>('strategic');
  const filter = useMemo(() => ({ ...(rule ? { rule } : {}), ...(network ? { network } : {}), ...(query.trim() ? { query: query.trim() } : {}) }), [rule, network, query]);
  const list = useQuery({
    queryKey: ['triage', filter],
    queryFn: ({ signal }) => call('triage.list', { ...filter, limit: 200 }, { signal }),
    placeholderData: keepPreviousData,
  });
  // Keys wait here and are taken one per render, never while a sort is being saved: each acts on the row the
  // user saw highlighted when pressing it, and none is lost however fast they come.
  const waiting = useRef<string[]>([]);
  const saving = useRef(false);
  const [, setPressed] = useState(0);
  const sort = useMutation({
    mutationFn: (input: SortInput) => call('triage.sort', input),
    // A row sorted by id left the list when its key was pressed; it comes back if the save fails.
    // Keys still waiting are dropped, so nothing more happens behind the error.
    onError: (_e, input) => {
      waiting.current = [];
      if (input.ids) setGone((g) => new Set([...g].filter((id) => !input.ids!.includes(id))));
    },
    onSettled: () => { saving.current = false; },
    onSuccess: (r) => {
      setGone((g) => new Set([...g, ...r.ids]));
      setDone(r.archived ? `Archived ${plural(r.archived, 'contact')}.` : `Sorted ${plural(r.sorted, 'contact')}: their keep-in-touch cadence has started.`);
      void qc.invalidateQueries();
    },
  });

  const items = useMemo(() => {
    const all = list.data?.items ?? [];
    const kept = all.filter((i) => !gone.has(i.id));
    const later = new Set(skipped);
    return [...kept.filter((i) => !later.has(i.id)), ...kept.filter((i) => later.has(i.id))];
  }, [list.data, skipped, gone]);
  // Hidden at once, in the same render as the key, so the next key already sees the next row.
  const sortRows = (input: SortInput & { ids: number[] }): void => {
    saving.current = true;
    setGone((g) => new Set([...g, ...input.ids]));
    sort.mutate(input);
  };
  const at = Math.min(cursor, Math.max(0, items.length - 1));
  // The list takes the focus once it first has rows, so the keys work straight after arriving from the menu.
  const listRef = useRef<HTMLUListElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (focused.current || items.length === 0 || !listRef.current) return;
    focused.current = true;
    listRef.current.focus({ preventScroll: true });
  }, [items.length]);
  const current = items[at];

  const apply = (key: string): void => {
    if (!current) return;
    const move = (by: number) => setCursor(Math.max(0, Math.min(items.length - 1, at + by)));
    if (key === 'j' || key === 'arrowdown') move(1);
    else if (key === 'k' || key === 'arrowup') move(-1);
    else if (key === 'enter') sortRows({ ids: [current.id], apply: 'suggestion' });
    else if (key === 'x') setSkipped((s) => [...s.filter((id) => id !== current.id), current.id]);
    else if (key === 'a') sortRows({ ids: [current.id], apply: 'archive' });
    else if (NETWORK_KEYS[key]) sortRows({ ids: [current.id], apply: 'network', network: NETWORK_KEYS[key] });
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e.target) || !current) return;
      const key = e.key.toLowerCase();
      const known = ['j', 'k', 'arrowdown', 'arrowup', 'x', 'a'].includes(key) || NETWORK_KEYS[key] !== undefined || (key === 'enter' && !activatable(e.target));
      if (!known) return;
      e.preventDefault();
      waiting.current.push(key);
      setPressed((n) => n + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    if (saving.current || sort.isPending || waiting.current.length === 0) return;
    apply(waiting.current.shift()!);
    if (waiting.current.length > 0) setPressed((n) => n + 1);
  });

  const page = list.data;
  const matching = page?.total ?? 0;
  const filtered = Object.keys(filter).length > 0;
  const rules = page ? (Object.entries(page.byRule) as [Rule, number][]).sort((a, b) => b[1] - a[1]) : [];

  return (
    <>
      <PageHeader title="Triage" />
      <p className="lead">
        Imported contacts without a network wait here, <strong>unsorted</strong>: on no keep-in-touch list and never overdue. Give each a network and its cadence starts.
        {page && <> <strong>{plural(page.unsorted, 'contact')}</strong> unsorted.</>}
      </p>
      <p className="muted small keys" aria-label="Keyboard">
        <kbd>Enter</kbd> accept the suggestion · <kbd>o</kbd>/<kbd>1</kbd> operational · <kbd>p</kbd>/<kbd>2</kbd> personal · <kbd>s</kbd>/<kbd>3</kbd> strategic ·
        {' '}<kbd>j</kbd>/<kbd>↓</kbd> next · <kbd>k</kbd>/<kbd>↑</kbd> previous · <kbd>x</kbd> skip for now · <kbd>a</kbd> archive
      </p>
      <div className="filters triage-filters">
        <div className="field">
          <label htmlFor="triage-rule">Suggested because</label>
          <select id="triage-rule" value={rule} onChange={(e) => { setRule(e.target.value as Rule | ''); setCursor(0); }}>
            <option value="">anything</option>
            {(rule && !rules.some(([r]) => r === rule) ? [...rules, [rule, 0] as [Rule, number]] : rules).map(([r, n]) => <option key={r} value={r}>{RULE_LABELS[r]} ({n})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="triage-network">Suggested network</label>
          <select id="triage-network" value={network} onChange={(e) => { setNetwork(e.target.value as Network | ''); setCursor(0); }}>
            <option value="">any</option>
            {NETWORKS.map((n) => <option key={n} value={n}>{NETWORK_LABELS[n]}{page && !network ? ` (${page.byNetwork[n]})` : ''}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="triage-query">Name, title or organisation</label>
          <input id="triage-query" type="search" value={query} onChange={(e) => { setQuery(e.target.value); setCursor(0); }} />
        </div>
      </div>
      {page && matching > 0 && (
        <div className="bulk-bar triage-bulk" role="group" aria-label="Act on all matching">
          <span>{plural(matching, 'contact')} {filtered ? 'matching' : 'unsorted'}:</span>
          <button type="button" disabled={sort.isPending} onClick={() => sort.mutate({ filter, apply: 'suggestion' })}>
            Accept all {matching} suggestions{rule ? ` for ${RULE_LABELS[rule]}` : ''}
          </button>
          <span className="bulk-sort">
            <label htmlFor="triage-bulk-network">Sort all {matching} into</label>
            <select id="triage-bulk-network" value={bulkNetwork} onChange={(e) => setBulkNetwork(e.target.value as Network)}>
              {NETWORKS.map((n) => <option key={n} value={n}>{NETWORK_LABELS[n]}</option>)}
            </select>
            <button type="button" disabled={sort.isPending} onClick={() => sort.mutate({ filter, apply: 'network', network: bulkNetwork })}>Sort</button>
          </span>
          <button type="button" className="ghost" disabled={sort.isPending} onClick={() => sort.mutate({ filter, apply: 'archive' })}>Archive all {matching}</button>
        </div>
      )}
      {done && <p role="status" className="notice">{done}</p>}
      <ErrorNote error={sort.error} />
      <ErrorNote error={list.error} />
      {list.isPending && <Loading what="Working out suggestions" />}
      {page && items.length === 0 && (
        <Empty>{page.unsorted === 0 ? <>Nobody waiting: every contact has a network. <Link href="/">Back to Today</Link>.</> : 'Nobody matches these filters.'}</Empty>
      )}
      {items.length > 0 && (
        <ul ref={listRef} className="triage-list" role="listbox" aria-label="Unsorted contacts, reconnect first" aria-activedescendant={current ? `triage-${current.id}` : undefined} tabIndex={0}>
          {items.map((item, i) => (
            <Row key={item.id} item={item} active={i === at} onPick={() => setCursor(i)} act={{
              busy: sort.isPending,
              accept: () => sortRows({ ids: [item.id], apply: 'suggestion' }),
              into: (n) => sortRows({ ids: [item.id], apply: 'network', network: n }),
              skip: () => setSkipped((s) => [...s.filter((id) => id !== item.id), item.id]),
              archive: () => sortRows({ ids: [item.id], apply: 'archive' }),
            }} />
          ))}
        </ul>
      )}
      {page && matching > items.length + skipped.length && <p className="muted small">Showing the first {items.length} of {matching}; the next ones appear as you sort.</p>}
    </>
  );
}
