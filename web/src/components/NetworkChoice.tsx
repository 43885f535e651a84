import type { Network } from '../../../src/domain/networks.ts';
import { NETWORK_HINTS, NETWORK_LABELS, NETWORKS } from '../labels.ts';

// The three networks as checkboxes: a contact may be in several, or none yet (DOMAIN.md §1).
export function NetworkChoice({ value, onChange, idPrefix }: { value: Network[]; onChange: (next: Network[]) => void; idPrefix: string }) {
  return (
    <fieldset className="networks-choice">
      <legend>Networks</legend>
      {NETWORKS.map((n) => (
        <div key={n} className="field checkbox">
          <input id={`${idPrefix}-${n}`} type="checkbox" checked={value.includes(n)}
            onChange={(e) => onChange(e.target.checked ? [...value, n] : value.filter((x) => x !== n))} />
          <label htmlFor={`${idPrefix}-${n}`}>{NETWORK_LABELS[n]} <span className="muted">— {NETWORK_HINTS[n]}</span></label>
        </div>
      ))}
    </fieldset>
  );
}
