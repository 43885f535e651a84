import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { call } from '../api.ts';

export interface PickedContact { id: number; name: string }

// Type part of a name, pick from the first matches. Used wherever a form needs one or more people. Enter takes a
// match only when it is the only one: with two Isaacs the user chooses (a call once went to the wrong one).
export function ContactPicker({ label, picked, onChange, multiple = false, autoFocus = false }: {
  label: string;
  picked: PickedContact[];
  onChange: (next: PickedContact[]) => void;
  multiple?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [mustChoose, setMustChoose] = useState(false);
  const results = useRef<HTMLUListElement>(null);
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
    setMustChoose(false);
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
            aria-describedby={mustChoose ? `${id}-hint` : undefined}
            onChange={(e) => { setQuery(e.target.value); setMustChoose(false); }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || !q) return;
              // Enter never submits the surrounding form from here.
              e.preventDefault();
              const items = matches.data?.items ?? [];
              if (items.length === 1) choose({ id: items[0]!.id, name: items[0]!.name });
              else if (items.length > 1) {
                setMustChoose(true);
                results.current?.querySelector('button')?.focus();
              }
            }} />
          {mustChoose && <p id={`${id}-hint`} className="picker-hint small" role="alert">{matches.data?.items.length} people match “{q}”: choose one.</p>}
          {q && matches.data && (
            <ul ref={results} className="picker-results" aria-label="Matching contacts">
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
