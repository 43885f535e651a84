import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api.ts';
import { formatDay } from '../format.ts';
import { EVENT_KIND_LABELS } from '../labels.ts';
import { Link } from '../router.tsx';
import { ContactPicker, type PickedContact } from './ContactPicker.tsx';
import { ErrorNote, Loading } from './ui.tsx';

// Who was there, whom you met, and who still waits for the follow-up that keeps the meeting from going to waste.
export function EventDetail({ id }: { id: number }) {
  const qc = useQueryClient();
  const event = useQuery({ queryKey: ['event', id], queryFn: () => call('event.get', { id }) });
  const followUps = useQuery({ queryKey: ['follow-ups', 'open'], queryFn: () => call('follow-up.list', {}) });
  const [people, setPeople] = useState<PickedContact[]>([]);
  const [met, setMet] = useState(true);
  const attend = useMutation({
    mutationFn: () => call('event.attend', { eventId: id, contactIds: people.map((p) => p.id), metThere: met }),
    onSuccess: async () => { setPeople([]); await qc.invalidateQueries(); },
  });
  if (event.isPending) return <Loading />;
  if (event.isError) return <ErrorNote error={event.error} />;
  const e = event.data;
  const waiting = new Set((followUps.data ?? []).filter((f) => f.eventId === id).map((f) => f.contactId));
  const submit = (ev: FormEvent): void => { ev.preventDefault(); attend.mutate(); };
  return (
    <section className="card" aria-labelledby="event-name">
      <h2 id="event-name">{e.name}</h2>
      <p className="muted">{EVENT_KIND_LABELS[e.kind]} · {formatDay(e.date)}{e.place ? ` · ${e.place}` : ''}</p>
      {e.notes && <p className="note-text">{e.notes}</p>}
      <h3>Attendees ({e.attendees.length})</h3>
      {e.attendees.length === 0 ? <p className="muted">No one recorded yet.</p> : (
        <ul className="rows">
          {e.attendees.map((a) => (
            <li key={a.id} className="row-item">
              <div className="row-main">
                <Link href={`/contacts/${a.id}`}>{a.name}</Link>
                {a.metThere && <span className="badge">met there</span>}
                {waiting.has(a.id) && <span className="due overdue">needs a follow-up</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="form" onSubmit={submit} aria-label="Record attendees">
        <ContactPicker label="Add people who were there" picked={people} onChange={setPeople} multiple />
        <div className="field checkbox">
          <input id="ev-met" type="checkbox" checked={met} onChange={(x) => setMet(x.target.checked)} />
          <label htmlFor="ev-met">I met them there (plans a follow-up)</label>
        </div>
        <div className="form-actions"><button type="submit" disabled={attend.isPending || people.length === 0}>Record</button></div>
        <ErrorNote error={attend.error} />
      </form>
    </section>
  );
}
