import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { ContactPicker, type PickedContact } from './ContactPicker.tsx';
import { LogInteractionForm } from './LogInteractionForm.tsx';
import { Dialog } from './ui.tsx';

// `l` from anywhere: on a contact's page it is about them, elsewhere you pick who.
export function LogInteractionDialog({ open, onClose, contactId }: { open: boolean; onClose: () => void; contactId: number | null }) {
  const [people, setPeople] = useState<PickedContact[]>([]);
  const current = useQuery({
    queryKey: ['contact', contactId],
    queryFn: () => call('contact.get', { id: contactId! }),
    enabled: open && contactId !== null,
  });
  useEffect(() => {
    if (open) setPeople(current.data ? [{ id: current.data.id, name: current.data.name }] : []);
  }, [open, current.data]);
  return (
    <Dialog open={open} title="Log an interaction" onClose={onClose}>
      <ContactPicker label="With" picked={people} onChange={setPeople} multiple autoFocus={people.length === 0} />
      <LogInteractionForm idPrefix="dlg-log" contactIds={people.map((p) => p.id)} onDone={onClose} />
    </Dialog>
  );
}
