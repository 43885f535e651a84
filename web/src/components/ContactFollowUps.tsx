import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call, callAny } from '../api.ts';
import { relativeDay, todayIso } from '../format.ts';
import { Empty, ErrorNote } from './ui.tsx';

const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function ContactFollowUps({ contactId }: { contactId: number }) {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['follow-ups', contactId], queryFn: () => call('follow-up.list', { contactId }) });
  const [dueOn, setDueOn] = useState(inDays(7));
  const [reason, setReason] = useState('');
  const write = useMutation({
    mutationFn: callAny,
    onSuccess: () => qc.invalidateQueries(),
  });
  const add = (e: FormEvent): void => {
    e.preventDefault();
    write.mutate({ name: 'follow-up.add', input: { contactId, dueOn, reason } }, { onSuccess: () => setReason('') });
  };
  const today = todayIso();
  return (
    <>
      {list.data && list.data.length === 0 && <Empty>No open follow-ups.</Empty>}
      <ul className="rows">
        {list.data?.map((f) => (
          <li key={f.id} className="row-item">
            <div className="row-main">
              <span>{f.reason}</span>
              <span className={f.dueOn < today ? 'due overdue' : 'due'}>due {relativeDay(f.dueOn, today)}{f.snoozedUntil ? ` (snoozed to ${f.snoozedUntil})` : ''}</span>
            </div>
            <div className="row-actions">
              <button type="button" onClick={() => write.mutate({ name: 'follow-up.done', input: { id: f.id } })}>Done</button>
              <button type="button" className="ghost" onClick={() => write.mutate({ name: 'follow-up.snooze', input: { id: f.id, days: 7 } })}>Snooze 1 wk</button>
            </div>
          </li>
        ))}
      </ul>
      <form className="inline-form wrap" onSubmit={add} aria-label="Plan a follow-up">
        <label htmlFor="fu-reason" className="visually-hidden">Reason</label>
        <input id="fu-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Send the article we discussed" required />
        <label htmlFor="fu-due" className="visually-hidden">Due on</label>
        <input id="fu-due" type="date" value={dueOn} min={today} onChange={(e) => setDueOn(e.target.value)} required />
        <button type="submit" disabled={write.isPending}>Plan follow-up</button>
      </form>
      <ErrorNote error={write.error} />
    </>
  );
}
