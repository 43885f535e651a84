import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Network } from '../../../src/domain/networks.ts';
import { call } from '../api.ts';
import { navigate } from '../router.tsx';
import { NetworkChoice } from './NetworkChoice.tsx';
import { Dialog, ErrorNote } from './ui.tsx';

export function NewContactDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [networks, setNetworks] = useState<Network[]>([]);
  const [connectionType, setConnectionType] = useState('');
  const [metWhere, setMetWhere] = useState('');
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}), enabled: open, staleTime: 300_000 });
  const create = useMutation({
    mutationFn: () => call('contact.create', {
      name, organisation, title, metWhere, networks, emails: email.trim() ? [email.trim()] : [],
      ...(connectionType ? { connectionType } : {}),
    }),
    onSuccess: async (res) => {
      await qc.invalidateQueries();
      setName(''); setOrganisation(''); setTitle(''); setEmail(''); setNetworks([]); setConnectionType(''); setMetWhere('');
      onClose();
      navigate(`/contacts/${res.contact.id}`);
    },
  });
  // A connection type suggests its network; the user still decides.
  const pickType = (key: string): void => {
    setConnectionType(key);
    const suggested = types.data?.find((t) => t.key === key)?.defaultNetwork;
    if (suggested && networks.length === 0) setNetworks([suggested]);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Dialog open={open} title="New contact" onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="nc-name">Name</label>
          <input id="nc-name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus autoComplete="off" />
        </div>
        <div className="row">
          <div className="field grow">
            <label htmlFor="nc-org">Organisation</label>
            <input id="nc-org" value={organisation} onChange={(e) => setOrganisation(e.target.value)} autoComplete="off" />
          </div>
          <div className="field grow">
            <label htmlFor="nc-title">Title</label>
            <input id="nc-title" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
          </div>
        </div>
        <div className="field">
          <label htmlFor="nc-email">Email</label>
          <input id="nc-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="nc-type">Connection type</label>
          <select id="nc-type" value={connectionType} onChange={(e) => pickType(e.target.value)}>
            <option value="">Not sure yet</option>
            {types.data?.map((t) => <option key={t.key} value={t.key}>{t.label}</option>)}
          </select>
        </div>
        <NetworkChoice idPrefix="nc-net" value={networks} onChange={setNetworks} />
        <div className="field">
          <label htmlFor="nc-met">Where you met</label>
          <input id="nc-met" value={metWhere} onChange={(e) => setMetWhere(e.target.value)} autoComplete="off" />
        </div>
        <ErrorNote error={create.error} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.isPending}>Add contact</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
