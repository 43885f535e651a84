import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Network } from '../../../src/domain/networks.ts';
import { call } from '../api.ts';
import { NETWORK_LABELS, NETWORKS } from '../labels.ts';
import { ErrorNote } from './ui.tsx';

export function ConnectionTypeSettings() {
  const qc = useQueryClient();
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}) });
  const [label, setLabel] = useState('');
  const [network, setNetwork] = useState<Network>('strategic');
  const add = useMutation({
    // The key is the label in the form the CLI accepts: "Board member" → board-member.
    mutationFn: () => call('connection-type.add', { key: label.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''), label, defaultNetwork: network }),
    onSuccess: async () => { setLabel(''); await qc.invalidateQueries({ queryKey: ['connection-types'] }); },
  });
  const submit = (e: FormEvent): void => { e.preventDefault(); add.mutate(); };
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <thead><tr><th scope="col">Type</th><th scope="col">Suggests</th><th scope="col">Source</th></tr></thead>
          <tbody>
            {types.data?.map((t) => (
              <tr key={t.key}><td>{t.label}</td><td><span className={`badge badge-${t.defaultNetwork}`}>{NETWORK_LABELS[t.defaultNetwork]}</span></td><td className="muted small">{t.builtIn ? 'built in' : 'yours'}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="inline-form wrap" onSubmit={submit} aria-label="Add a connection type">
        <label htmlFor="ct-label">New type</label>
        <input id="ct-label" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Board member" required />
        <label htmlFor="ct-network">suggests</label>
        <select id="ct-network" value={network} onChange={(e) => setNetwork(e.target.value as Network)}>
          {NETWORKS.map((n) => <option key={n} value={n}>{NETWORK_LABELS[n]}</option>)}
        </select>
        <button type="submit" disabled={add.isPending}>Add type</button>
      </form>
      <ErrorNote error={add.error} />
    </>
  );
}
