import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Interaction } from '../../../src/domain/entities.ts';
import type { InteractionKind } from '../../../src/domain/channels.ts';
import { call } from '../api.ts';
import { todayIso } from '../format.ts';
import { KIND_LABELS, keysOf } from '../labels.ts';
import { ContactPicker, type PickedContact } from './ContactPicker.tsx';
import { ErrorNote } from './ui.tsx';

// Correcting a logged interaction: what, when, the notes, and who it was with (the wrong Isaac is swapped here).
export function TimelineEntryEditor({ entry, onDone }: { entry: Interaction; onDone: () => void }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<InteractionKind>(entry.kind);
  const [day, setDay] = useState(entry.occurredAt.slice(0, 10));
  const [summary, setSummary] = useState(entry.summary ?? '');
  const [people, setPeople] = useState<PickedContact[]>(entry.participants);
  const save = useMutation({
    mutationFn: () => call('interaction.update', {
      id: entry.id, kind, summary, contactIds: people.map((p) => p.id),
      // Only a changed day is sent, so the time of day logged stays when the day does.
      ...(day !== entry.occurredAt.slice(0, 10) ? { occurredAt: day } : {}),
    }),
    onSuccess: async () => { await qc.invalidateQueries(); onDone(); },
  });
  const submit = (e: FormEvent): void => { e.preventDefault(); save.mutate(); };
  const f = (name: string) => `edit-${entry.id}-${name}`;
  return (
    <form className="form timeline-edit" onSubmit={submit} aria-label="Edit this interaction">
      <div className="row">
        <div className="field">
          <label htmlFor={f('kind')}>What</label>
          <select id={f('kind')} value={kind} onChange={(e) => setKind(e.target.value as InteractionKind)}>
            {keysOf(KIND_LABELS).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('day')}>When</label>
          <input id={f('day')} type="date" value={day} max={todayIso()} onChange={(e) => setDay(e.target.value)} required />
        </div>
      </div>
      <ContactPicker label="With" picked={people} onChange={setPeople} multiple />
      <div className="field">
        <label htmlFor={f('summary')}>Notes</label>
        <textarea id={f('summary')} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <ErrorNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending || people.length === 0}>Save changes</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
