import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api.ts';
import { Link } from '../router.tsx';
import { ContactPicker, type PickedContact } from './ContactPicker.tsx';
import { Empty, ErrorNote } from './ui.tsx';

// Who this person knows among your contacts: the raw material for warm introductions.
export function ContactLinks({ contactId }: { contactId: number }) {
  const qc = useQueryClient();
  const links = useQuery({ queryKey: ['links', contactId], queryFn: () => call('link.list', { contactId, limit: 50 }) });
  const [picked, setPicked] = useState<PickedContact[]>([]);
  const add = useMutation({
    mutationFn: (other: number) => call('link.add', { aId: contactId, bId: other }),
    onSuccess: async () => {
      setPicked([]);
      await qc.invalidateQueries({ queryKey: ['links'] });
    },
  });
  const other = (l: { aId: number; aName: string; bId: number; bName: string }) => (l.aId === contactId ? { id: l.bId, name: l.bName } : { id: l.aId, name: l.aName });
  return (
    <>
      {links.data && links.data.items.length === 0 && <Empty>No one linked yet.</Empty>}
      <ul className="link-list">
        {links.data?.items.map((l) => {
          const o = other(l);
          return (
            <li key={o.id}>
              <Link href={`/contacts/${o.id}`}>{o.name}</Link>
              {l.strength !== null && <span className="muted small"> · strength {l.strength}/5</span>}
              {l.note && <span className="muted small"> · {l.note}</span>}
            </li>
          );
        })}
      </ul>
      {links.data && links.data.total > links.data.items.length && <p className="muted small">and {links.data.total - links.data.items.length} more</p>}
      <ContactPicker label="They know…" picked={picked} onChange={(p) => { setPicked(p); const first = p[0]; if (first) add.mutate(first.id); }} />
      <ErrorNote error={add.error} />
    </>
  );
}
