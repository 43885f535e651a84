import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Contact } from '../../../src/domain/contact.ts';
import type { Network } from '../../../src/domain/networks.ts';
import { call } from '../api.ts';
import { NetworkChoice } from './NetworkChoice.tsx';
import { ErrorNote } from './ui.tsx';

const lines = (text: string): string[] => text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

// Edit in place: the same card that shows the contact becomes the form, and saving sends only what changed.
export function ContactEditor({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(contact.name);
  const [organisation, setOrganisation] = useState(contact.organisation ?? '');
  const [title, setTitle] = useState(contact.title ?? '');
  const [emails, setEmails] = useState(contact.emails.map((e) => e.address).join('\n'));
  const [phones, setPhones] = useState(contact.phones.map((p) => p.number).join('\n'));
  const [webLinks, setWebLinks] = useState(contact.webLinks.map((w) => w.url).join('\n'));
  const [location, setLocation] = useState(contact.location ?? '');
  const [networks, setNetworks] = useState<Network[]>(contact.networks);
  const [connectionType, setConnectionType] = useState(contact.connectionType ?? '');
  const [inside, setInside] = useState(contact.insideOrganisation === null ? '' : String(contact.insideOrganisation));
  const [cadence, setCadence] = useState(contact.cadenceDays === null ? '' : String(contact.cadenceDays));
  const [tags, setTags] = useState(contact.tags.join(', '));
  const [metWhere, setMetWhere] = useState(contact.metWhere ?? '');
  const [notes, setNotes] = useState(contact.notes ?? '');
  const types = useQuery({ queryKey: ['connection-types'], queryFn: () => call('connection-type.list', {}), staleTime: 300_000 });
  const save = useMutation({
    mutationFn: () => call('contact.update', {
      id: contact.id, name, organisation, title, location, networks, metWhere, notes,
      emails: lines(emails), phones: lines(phones), webLinks: lines(webLinks), tags: lines(tags),
      connectionType: connectionType || null,
      insideOrganisation: inside === '' ? null : inside === 'true',
      cadenceDays: cadence === '' ? null : Number(cadence),
    }),
    onSuccess: async () => {
      await qc.invalidateQueries();
      onDone();
    },
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    save.mutate();
  };
  const text = (id: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div className="field grow">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => set(e.target.value)} autoComplete="off" />
    </div>
  );
  return (
    <form className="form card" onSubmit={submit} aria-label={`Edit ${contact.name}`}>
      <div className="row">{text('ce-name', 'Name', name, setName)}</div>
      <div className="row">{text('ce-org', 'Organisation', organisation, setOrganisation)}{text('ce-title', 'Title', title, setTitle)}</div>
      <div className="row">
        <div className="field grow">
          <label htmlFor="ce-type">Connection type</label>
          <select id="ce-type" value={connectionType} onChange={(e) => setConnectionType(e.target.value)}>
            <option value="">None</option>
            {types.data?.map((t) => <option key={t.key} value={t.key}>{t.label}</option>)}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="ce-inside">Inside my organisation?</label>
          <select id="ce-inside" value={inside} onChange={(e) => setInside(e.target.value)}>
            <option value="">Follow the organisation</option>
            <option value="true">Inside</option>
            <option value="false">Outside</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ce-cadence">Keep in touch every (days)</label>
          <input id="ce-cadence" type="number" min={1} max={3650} value={cadence} placeholder="network default" onChange={(e) => setCadence(e.target.value)} />
        </div>
      </div>
      <NetworkChoice idPrefix="ce-net" value={networks} onChange={setNetworks} />
      <div className="row">
        <div className="field grow">
          <label htmlFor="ce-emails">Emails (one a line)</label>
          <textarea id="ce-emails" rows={2} value={emails} onChange={(e) => setEmails(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor="ce-phones">Phones (one a line)</label>
          <textarea id="ce-phones" rows={2} value={phones} onChange={(e) => setPhones(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="ce-web">Web links, LinkedIn (one a line)</label>
        <textarea id="ce-web" rows={2} value={webLinks} onChange={(e) => setWebLinks(e.target.value)} />
      </div>
      <div className="row">{text('ce-location', 'Location', location, setLocation)}{text('ce-met', 'Where you met', metWhere, setMetWhere)}</div>
      {text('ce-tags', 'Tags (comma separated)', tags, setTags)}
      <div className="field">
        <label htmlFor="ce-notes">Notes</label>
        <textarea id="ce-notes" rows={5} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <ErrorNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>Save</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
