import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import type { COMMUNITY_KINDS } from '../../../src/domain/entities.ts';
import { call } from '../api.ts';
import { ContactPicker, type PickedContact } from '../components/ContactPicker.tsx';
import { Empty, ErrorNote, Loading, PageHeader } from '../components/ui.tsx';
import { plural } from '../format.ts';
import { COMMUNITY_KIND_LABELS, keysOf } from '../labels.ts';
import { Link, useDocumentTitle, useRevealOnPhone } from '../router.tsx';

type CommunityKind = (typeof COMMUNITY_KINDS)[number];

function CommunityDetail({ id }: { id: number }) {
  const qc = useQueryClient();
  const community = useQuery({ queryKey: ['community', id], queryFn: () => call('community.get', { id }) });
  const [people, setPeople] = useState<PickedContact[]>([]);
  const [role, setRole] = useState('');
  const add = useMutation({
    mutationFn: () => call('community.add-member', { id, contactIds: people.map((p) => p.id), role }),
    onSuccess: async () => { setPeople([]); setRole(''); await qc.invalidateQueries(); },
  });
  if (community.isPending) return <Loading />;
  if (community.isError) return <ErrorNote error={community.error} />;
  const c = community.data;
  const submit = (e: FormEvent): void => { e.preventDefault(); add.mutate(); };
  return (
    <section className="card" aria-labelledby="community-name">
      <h2 id="community-name">{c.name}</h2>
      <p className="muted">{COMMUNITY_KIND_LABELS[c.kind]}{c.iAmMember ? ' · I am a member' : ''}</p>
      {c.notes && <p className="note-text">{c.notes}</p>}
      <h3>{plural(c.members.length, 'member')}</h3>
      <ul className="link-list">
        {c.members.map((m) => <li key={m.id}><Link href={`/contacts/${m.id}`}>{m.name}</Link>{m.role && <span className="muted small"> · {m.role}</span>}</li>)}
      </ul>
      <form className="form" onSubmit={submit} aria-label="Add members">
        <ContactPicker label="Add members" picked={people} onChange={setPeople} multiple />
        <div className="field"><label htmlFor="cm-role">Role (optional)</label><input id="cm-role" value={role} onChange={(e) => setRole(e.target.value)} placeholder="Board member, organiser…" /></div>
        <div className="form-actions"><button type="submit" disabled={add.isPending || people.length === 0}>Add</button></div>
        <ErrorNote error={add.error} />
      </form>
    </section>
  );
}

export default function Communities() {
  useDocumentTitle('Communities');
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<number | null>(null);
  const detail = useRef<HTMLDivElement>(null);
  useRevealOnPhone(detail, chosen, chosen !== null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CommunityKind>('association');
  const list = useQuery({ queryKey: ['communities'], queryFn: () => call('community.list', {}) });
  const create = useMutation({
    mutationFn: () => call('community.create', { name, kind }),
    onSuccess: async (c) => { setName(''); setChosen(c.id); await qc.invalidateQueries({ queryKey: ['communities'] }); },
  });
  const selected = chosen ?? list.data?.[0]?.id ?? null;
  const submit = (e: FormEvent): void => { e.preventDefault(); create.mutate(); };
  return (
    <>
      <PageHeader title="Communities"><p className="muted">Associations, alumni groups, online communities, volunteer roles.</p></PageHeader>
      <div className="split">
        <div>
          <div className="card list-card">
            {list.isPending && <Loading />}
            {list.data?.length === 0 && <Empty>No communities yet.</Empty>}
            {list.data?.map((c) => (
              <button key={c.id} type="button" className="list-button" aria-pressed={c.id === selected} onClick={() => setChosen(c.id)}>
                <strong>{c.name}</strong><span className="muted small"> · {COMMUNITY_KIND_LABELS[c.kind]} · {plural(c.memberCount, 'member')}</span>
              </button>
            ))}
          </div>
          <form className="form card" onSubmit={submit} aria-label="New community">
            <div className="field"><label htmlFor="co-name">New community</label><input id="co-name" value={name} onChange={(e) => setName(e.target.value)} required /></div>
            <div className="field">
              <label htmlFor="co-kind">Kind</label>
              <select id="co-kind" value={kind} onChange={(e) => setKind(e.target.value as CommunityKind)}>
                {keysOf(COMMUNITY_KIND_LABELS).map((k) => <option key={k} value={k}>{COMMUNITY_KIND_LABELS[k]}</option>)}
              </select>
            </div>
            <ErrorNote error={create.error} />
            <div className="form-actions"><button type="submit" disabled={create.isPending}>Add community</button></div>
          </form>
        </div>
        <div ref={detail} className="detail-pane">{selected !== null && <CommunityDetail id={selected} />}</div>
      </div>
    </>
  );
}
