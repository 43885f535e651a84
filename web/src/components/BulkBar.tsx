import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Network } from '../../../src/domain/networks.ts';
import { call, type Input } from '../api.ts';
import { plural } from '../format.ts';
import { NETWORK_LABELS, NETWORKS } from '../labels.ts';
import { ErrorNote } from './ui.tsx';

type Bulk =
  | { kind: 'tag'; tag: string }
  | { kind: 'network'; network: Network; only: boolean }
  | { kind: 'type'; connectionType: string | null }
  | { kind: 'archive' }
  | { kind: 'erase' };

// The selected rows, or every contact matching the list's filter ("select all N matching": one request for 30,000).
export type BulkTarget = { ids: number[] } | { filter: NonNullable<Input<'contact.bulk-update'>['filter']>; count: number };

function run(target: BulkTarget, action: Bulk): Promise<unknown> {
  if ('filter' in target) {
    const { filter } = target;
    switch (action.kind) {
      case 'tag': return call('contact.bulk-update', { filter, addTags: [action.tag] });
      case 'network': return call('contact.bulk-update', action.only ? { filter, networks: [action.network] } : { filter, addNetworks: [action.network] });
      case 'type': return call('contact.bulk-update', { filter, connectionType: action.connectionType });
      case 'archive': return call('contact.bulk-update', { filter, archived: true });
      case 'erase': return Promise.reject(new Error('Erasing is done on selected contacts only, never on everything matching a filter.'));
    }
  }
  const { ids } = target;
  switch (action.kind) {
    case 'tag': return call('tag.add', { ids, tags: [action.tag] });
    case 'network': return call('contact.bulk-update', action.only ? { ids, networks: [action.network] } : { ids, addNetworks: [action.network] });
    case 'type': return call('contact.bulk-update', { ids, connectionType: action.connectionType });
    case 'archive': return call('contact.archive', { ids });
    case 'erase': return call('contact.erase', { ids });
  }
}

const DONE: Record<Bulk['kind'], string> = { tag: 'Tagged', network: 'Networks changed', type: 'Type set', archive: 'Archived', erase: 'Erased' };

// Acts on the selected contacts: one request per action, one transaction on the server.
export function BulkBar({ target, onClear }: { target: BulkTarget; onClear: () => void }) {
  const count = 'filter' in target ? target.count : target.ids.length;
  const qc = useQueryClient();
  const [tag, setTag] = useState('');
  const [done, setDone] = useState('');
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}), staleTime: 300_000 });
  const bulk = useMutation({
    mutationFn: (action: Bulk) => run(target, action),
    onSuccess: async (_r, action) => {
      setDone(`${DONE[action.kind]}: ${plural(count, 'contact')}.`);
      setTag('');
      if (action.kind === 'archive' || action.kind === 'erase') onClear();
      await qc.invalidateQueries();
    },
  });
  const addTag = (e: FormEvent): void => {
    e.preventDefault();
    if (tag.trim()) bulk.mutate({ kind: 'tag', tag: tag.trim() });
  };
  const erase = (): void => {
    if (window.confirm(`Erase ${plural(count, 'contact')} everywhere? This cannot be undone.`)) bulk.mutate({ kind: 'erase' });
  };
  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <p><strong>{'filter' in target ? `All ${plural(count, 'matching contact')}` : plural(count, 'selected contact')}</strong> <button type="button" className="ghost" onClick={onClear}>Clear</button></p>
      <form onSubmit={addTag} className="inline-form">
        <label htmlFor="bulk-tag">Add a tag</label>
        <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="e.g. conference-2026" />
        <button type="submit" disabled={bulk.isPending || !tag.trim()}>Add tag</button>
      </form>
      <div className="inline-form">
        <label htmlFor="bulk-network">Network</label>
        <select id="bulk-network" value="" onChange={(e) => {
          const [how, network] = e.target.value.split(':');
          if (network) bulk.mutate({ kind: 'network', network: network as Network, only: how === 'only' });
        }}>
          <option value="">Choose…</option>
          <optgroup label="Add to">{NETWORKS.map((n) => <option key={n} value={`add:${n}`}>Add to {NETWORK_LABELS[n]}</option>)}</optgroup>
          <optgroup label="Set to only">{NETWORKS.map((n) => <option key={n} value={`only:${n}`}>Only {NETWORK_LABELS[n]}</option>)}</optgroup>
        </select>
      </div>
      <div className="inline-form">
        <label htmlFor="bulk-type">Set type</label>
        <select id="bulk-type" value="" onChange={(e) => e.target.value && bulk.mutate({ kind: 'type', connectionType: e.target.value === '-' ? null : e.target.value })}>
          <option value="">Choose…</option>
          <option value="-">No type</option>
          {types.data?.map((t) => <option key={t.key} value={t.key}>{t.label}</option>)}
        </select>
      </div>
      <div className="inline-form">
        <button type="button" disabled={bulk.isPending} onClick={() => bulk.mutate({ kind: 'archive' })}>Archive</button>
        {!('filter' in target) && <button type="button" className="danger" disabled={bulk.isPending} onClick={erase}>Erase…</button>}
      </div>
      {done && !bulk.isPending && !bulk.error && <p role="status" className="muted">{done}</p>}
      <ErrorNote error={bulk.error} />
    </section>
  );
}
