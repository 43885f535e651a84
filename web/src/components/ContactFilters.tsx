import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api.ts';
import { NETWORK_LABELS, NETWORKS } from '../labels.ts';

export interface Filters {
  network: string;
  connectionType: string;
  tag: string;
  organisationId: string;
  inside: string;
  due: string;
}
export const FILTER_KEYS: (keyof Filters)[] = ['network', 'connectionType', 'tag', 'organisationId', 'inside', 'due'];

// The filter row of the contacts page; every value is a string so it round-trips through the address bar.
export function ContactFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}), staleTime: 300_000 });
  const tags = useQuery({ queryKey: ['tags'], queryFn: () => call('tag.list', {}) });
  const orgs = useQuery({ queryKey: ['organisations', 'for-filter'], queryFn: () => call('organisation.list', { limit: 500 }) });
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const active = FILTER_KEYS.filter((k) => value[k] !== '').length;
  const any = active > 0;
  // Open on a wide screen; on a phone the list gets the room until the user asks for filters.
  const [open] = useState(() => any || window.matchMedia('(min-width: 901px)').matches);
  return (
    <details className="filters-box" open={open}>
      <summary>Filters{any ? ` (${active} active)` : ''}</summary>
      <div className="filters" role="group" aria-label="Filters">
        <div className="field">
          <label htmlFor="f-network">Network</label>
          <select id="f-network" value={value.network} onChange={set('network')}>
            <option value="">Any</option>
            {NETWORKS.map((n) => <option key={n} value={n}>{NETWORK_LABELS[n]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-type">Type</label>
          <select id="f-type" value={value.connectionType} onChange={set('connectionType')}>
            <option value="">Any</option>
            {types.data?.map((t) => <option key={t.key} value={t.key}>{t.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-tag">Tag</label>
          <select id="f-tag" value={value.tag} onChange={set('tag')}>
            <option value="">Any</option>
            {tags.data?.map((t) => <option key={t.tag} value={t.tag}>{t.tag} ({t.count})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-org">Organisation</label>
          <select id="f-org" value={value.organisationId} onChange={set('organisationId')}>
            <option value="">Any</option>
            {orgs.data?.items.map((o) => <option key={o.id} value={String(o.id)}>{o.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-inside">Inside / outside</label>
          <select id="f-inside" value={value.inside} onChange={set('inside')}>
            <option value="">Either</option>
            <option value="true">Inside my organisation</option>
            <option value="false">Outside</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-due">Keep in touch</label>
          <select id="f-due" value={value.due} onChange={set('due')}>
            <option value="">Any</option>
            <option value="overdue">Overdue</option>
            <option value="due-this-week">Due this week</option>
            <option value="due">Overdue or due this week</option>
            <option value="ok">Not due yet</option>
          </select>
        </div>
        {any && (
          <button type="button" className="ghost clear-filters" onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as unknown as Filters)}>
            Clear filters
          </button>
        )}
      </div>
    </details>
  );
}
