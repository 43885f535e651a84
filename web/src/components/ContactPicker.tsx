import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { call } from '../api.ts';

export interface PickedContact { id: number; name: string }

// Type part of a name, pick from the first matches. Used wherever a form needs one or more people.
export function ContactPicker({ label, picked, onChange, multiple = false, autoFocus = false }: {
  label: string;
  picked: PickedContact[];
  onChange: (next: PickedContact[]) => void;
  multiple?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const q = query.trim();
  const matches = useQuery({
    queryKey: ['contact-picker', q],
    queryFn: ({ signal }) => call('contact.list', { query: q, limit: 8 }, { signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const choose = (c: PickedContact): void => {
    onChange(multiple ? [...picked.filter((p) => p.id !== c.id), c] : [c]);
    setQuery('');
  };
  const showInput = multiple || picked.length === 0;
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      {picked.length > 0 && (
        <ul className="chips" aria-label={`${label}: chosen`}>
          {picked.map((p) => (
            <li key={p.id} className="chip">
              {p.name}
              <button type="button" className="ghost" aria-label={`Remove ${p.name}`} onClick={() => onChange(picked.filter((x) => x.id !== p.id))}>✕</button>
            </li>
          ))}
        </ul>
      )}
      {showInput && (
        <>
          <input id={id} type="search" value={query} autoComplete="off" placeholder="Type a name…" autoFocus={autoFocus}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              const first = matches.data?.items[0];
              if (e.key === 'Enter' && first) { e.preventDefault(); choose({ id: first.id, name: first.name }); }
            }} />
          {q && matches.data && (
            <ul className="picker-results" aria-label="Matching contacts">
              {matches.data.items.length === 0 && <li className="muted">No one matches “{q}”.</li>}
              {matches.data.items.map((c) => (
                <li key={c.id}>
                  <button type="button" className="ghost" onClick={() => choose({ id: c.id, name: c.name })}>
                    {c.name}{c.organisation ? <span className="muted"> · {c.organisation}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
