import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { call } from '../api.ts';
import { Empty, ErrorNote, Loading, PageHeader } from '../components/ui.tsx';
import { plural } from '../format.ts';
import { Link, useDocumentTitle, useRevealOnPhone } from '../router.tsx';

const PAGE = 50;
const SHOWN_PEOPLE = 100;

function OrganisationDetail({ id }: { id: number }) {
  const qc = useQueryClient();
  const org = useQuery({ queryKey: ['organisation', id], queryFn: () => call('organisation.get', { id }) });
  const mine = useMutation({
    mutationFn: (isMine: boolean) => call('organisation.update', { id, isMine }),
    onSuccess: () => qc.invalidateQueries(),
  });
  if (org.isPending) return <Loading />;
  if (org.isError) return <ErrorNote error={org.error} />;
  const o = org.data;
  return (
    <section className="card" aria-labelledby="org-name">
      <h2 id="org-name">{o.name}</h2>
      <p className="muted">{[o.industry, o.website].filter(Boolean).join(' · ') || 'No industry or website recorded'}</p>
      <div className="field checkbox">
        <input id="org-mine" type="checkbox" checked={o.isMine} disabled={mine.isPending} onChange={(e) => mine.mutate(e.target.checked)} />
        <label htmlFor="org-mine">This is my organisation (its people count as inside)</label>
      </div>
      <ErrorNote error={mine.error} />
      {o.notes && <p className="note-text">{o.notes}</p>}
      <h3>{plural(o.contacts.length, 'person', 'people')}</h3>
      <ul className="link-list">
        {o.contacts.slice(0, SHOWN_PEOPLE).map((c) => (
          <li key={c.id}><Link href={`/contacts/${c.id}`}>{c.name}</Link>{c.title && <span className="muted small"> · {c.title}</span>}</li>
        ))}
      </ul>
      {o.contacts.length > SHOWN_PEOPLE && <Link href={`/contacts?organisationId=${id}`}>All {o.contacts.length} in the contact list</Link>}
    </section>
  );
}

function NewOrganisation({ onCreated }: { onCreated: (id: number) => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [industry, setIndustry] = useState('');
  const create = useMutation({
    mutationFn: () => call('organisation.create', { name, industry }),
    onSuccess: async (o) => {
      setName(''); setIndustry('');
      await qc.invalidateQueries({ queryKey: ['organisations'] });
      onCreated(o.id);
    },
  });
  const submit = (e: FormEvent): void => { e.preventDefault(); create.mutate(); };
  return (
    <form className="inline-form wrap" onSubmit={submit} aria-label="Add an organisation">
      <label htmlFor="org-new-name" className="visually-hidden">Organisation name</label>
      <input id="org-new-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="New organisation" required />
      <label htmlFor="org-new-industry" className="visually-hidden">Industry</label>
      <input id="org-new-industry" value={industry} onChange={(e) => setIndustry(e.target.value)} placeholder="Industry" />
      <button type="submit" disabled={create.isPending}>Add</button>
      <ErrorNote error={create.error} />
    </form>
  );
}

export default function Organisations() {
  useDocumentTitle('Organisations');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number | null>(null);
  const detail = useRef<HTMLDivElement>(null);
  useRevealOnPhone(detail, chosen, chosen !== null);
  const list = useInfiniteQuery({
    queryKey: ['organisations', query],
    queryFn: ({ pageParam }) => call('organisation.list', { query: query.trim() || undefined, limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.items.length < last.total ? last.offset + last.items.length : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const selected = chosen ?? items[0]?.id ?? null;
  return (
    <>
      <PageHeader title="Organisations">
        <p className="muted">{list.data ? plural(list.data.pages[0]!.total, 'organisation') : ''}</p>
      </PageHeader>
      <div className="split">
        <div>
          <div className="field">
            <label htmlFor="org-search">Find an organisation</label>
            <input id="org-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          </div>
          <div className="card list-card">
            {list.isPending && <Loading />}
            {list.data && items.length === 0 && <Empty>No organisations{query ? ` matching “${query}”` : ' yet'}.</Empty>}
            {items.map((o) => (
              <button key={o.id} type="button" className="list-button" aria-pressed={o.id === selected} onClick={() => setChosen(o.id)}>
                <strong>{o.name}</strong>{o.isMine && <span className="badge"> mine</span>}
                <span className="muted small"> · {plural(o.contactCount, 'person', 'people')}{o.industry ? ` · ${o.industry}` : ''}</span>
              </button>
            ))}
            {list.hasNextPage && <button type="button" className="ghost" onClick={() => void list.fetchNextPage()}>Show more</button>}
          </div>
          <NewOrganisation onCreated={setChosen} />
        </div>
        <div ref={detail} className="detail-pane">{selected !== null && <OrganisationDetail id={selected} />}</div>
      </div>
    </>
  );
}
