import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Channel, InteractionKind, ValueFlow } from '../../../src/domain/channels.ts';
import { call } from '../api.ts';
import { todayIso } from '../format.ts';
import { CHANNEL_LABELS, KIND_LABELS, VALUE_LABELS, keysOf } from '../labels.ts';
import { ErrorNote } from './ui.tsx';

// Everything seed 004 asks to track about an exchange: what, how, which way value flowed, and thanks given.
export function LogInteractionForm({ contactIds, onDone, idPrefix = 'log' }: { contactIds: number[]; onDone?: () => void; idPrefix?: string }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<InteractionKind>('coffee');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [day, setDay] = useState(todayIso());
  const [summary, setSummary] = useState('');
  const [value, setValue] = useState<ValueFlow>('none');
  const [valueNote, setValueNote] = useState('');
  const [gratitude, setGratitude] = useState(false);
  const log = useMutation({
    mutationFn: () => call('interaction.log', {
      contactIds, kind, occurredAt: day, summary, value, valueNote, gratitude, ...(channel ? { channel } : {}),
    }),
    onSuccess: async () => {
      setSummary('');
      setValueNote('');
      setGratitude(false);
      await qc.invalidateQueries();
      onDone?.();
    },
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    log.mutate();
  };
  const f = (name: string): string => `${idPrefix}-${name}`;
  return (
    <form className="form log-form" onSubmit={submit} aria-label="Log an interaction">
      <div className="row">
        <div className="field">
          <label htmlFor={f('kind')}>What</label>
          <select id={f('kind')} value={kind} onChange={(e) => setKind(e.target.value as InteractionKind)}>
            {keysOf(KIND_LABELS).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('channel')}>How</label>
          <select id={f('channel')} value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
            <option value="">Usual for this kind</option>
            {keysOf(CHANNEL_LABELS).map((c) => <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('day')}>When</label>
          <input id={f('day')} type="date" value={day} max={todayIso()} onChange={(e) => setDay(e.target.value)} required />
        </div>
      </div>
      <div className="field">
        <label htmlFor={f('summary')}>Notes</label>
        <textarea id={f('summary')} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="What you talked about, what they are working on…" />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={f('value')}>Value exchanged</label>
          <select id={f('value')} value={value} onChange={(e) => setValue(e.target.value as ValueFlow)}>
            {keysOf(VALUE_LABELS).map((v) => <option key={v} value={v}>{VALUE_LABELS[v]}</option>)}
          </select>
        </div>
        {value !== 'none' && (
          <div className="field grow">
            <label htmlFor={f('value-note')}>What was it?</label>
            <input id={f('value-note')} value={valueNote} onChange={(e) => setValueNote(e.target.value)} placeholder="An introduction, an article, advice…" />
          </div>
        )}
      </div>
      <div className="field checkbox">
        <input id={f('gratitude')} type="checkbox" checked={gratitude} onChange={(e) => setGratitude(e.target.checked)} />
        <label htmlFor={f('gratitude')}>I expressed gratitude</label>
      </div>
      <ErrorNote error={log.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={log.isPending || contactIds.length === 0}>{log.isPending ? 'Saving…' : 'Log interaction'}</button>
        {log.isSuccess && <span role="status" className="muted">Logged.</span>}
      </div>
    </form>
  );
}
