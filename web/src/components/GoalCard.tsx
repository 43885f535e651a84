import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ACTION_KINDS, Goal } from '../../../src/domain/entities.ts';
import { call, callAny, type AnyCall } from '../api.ts';
import { formatDay, relativeDay, todayIso } from '../format.ts';
import { ACTION_KIND_LABELS, GOAL_KIND_LABELS, keysOf } from '../labels.ts';
import { Link } from '../router.tsx';
import { ContactPicker, type PickedContact } from './ContactPicker.tsx';
import { ErrorNote } from './ui.tsx';

type ActionKind = (typeof ACTION_KINDS)[number];

function GoalActions({ goalId }: { goalId: number }) {
  const qc = useQueryClient();
  const detail = useQuery({ queryKey: ['goal', goalId], queryFn: () => call('goal.get', { id: goalId }) });
  const [kind, setKind] = useState<ActionKind>('informational-interview');
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [who, setWho] = useState<PickedContact[]>([]);
  const write = useMutation({ mutationFn: (c: AnyCall) => callAny(c), onSuccess: () => qc.invalidateQueries() });
  const add = (e: FormEvent): void => {
    e.preventDefault();
    write.mutate({ name: 'action.create', input: { goalId, kind, description, dueOn: dueOn || null, contactId: who[0]?.id ?? null } }, {
      onSuccess: () => { setDescription(''); setDueOn(''); setWho([]); },
    });
  };
  const today = todayIso();
  return (
    <div className="goal-actions">
      <ul className="rows">
        {detail.data?.actions.map((a) => (
          <li key={a.id} className="row-item">
            <div className="row-main field checkbox">
              <input id={`action-${a.id}`} type="checkbox" checked={a.doneAt !== null}
                onChange={(e) => write.mutate({ name: 'action.done', input: { id: a.id, done: e.target.checked } })} />
              <label htmlFor={`action-${a.id}`} className={a.doneAt ? 'done-text' : ''}>{a.description}</label>
              <span className="muted small">{ACTION_KIND_LABELS[a.kind]}</span>
              {a.contactId && <Link href={`/contacts/${a.contactId}`} className="small">{a.contactName}</Link>}
              {a.dueOn && !a.doneAt && <span className={a.dueOn < today ? 'due overdue' : 'due'}>due {relativeDay(a.dueOn, today)}</span>}
            </div>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={add} aria-label="Plan an action for this goal">
        <div className="row">
          <div className="field">
            <label htmlFor={`ak-${goalId}`}>Action</label>
            <select id={`ak-${goalId}`} value={kind} onChange={(e) => setKind(e.target.value as ActionKind)}>
              {keysOf(ACTION_KIND_LABELS).map((k) => <option key={k} value={k}>{ACTION_KIND_LABELS[k]}</option>)}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor={`ad-${goalId}`}>What</label>
            <input id={`ad-${goalId}`} value={description} onChange={(e) => setDescription(e.target.value)} required placeholder="Ask Priya about the platform team" />
          </div>
          <div className="field">
            <label htmlFor={`adue-${goalId}`}>Due</label>
            <input id={`adue-${goalId}`} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          </div>
        </div>
        <ContactPicker label="With (optional)" picked={who} onChange={setWho} />
        <div className="form-actions"><button type="submit" disabled={write.isPending}>Add action</button></div>
      </form>
      <ErrorNote error={write.error} />
    </div>
  );
}

// A goal with its progress, the people and organisations it needs, and (opened) its actions.
export function GoalCard({ goal }: { goal: Goal }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const status = useMutation({
    mutationFn: (next: Goal['status']) => call('goal.update', { id: goal.id, status: next }),
    onSuccess: () => qc.invalidateQueries(),
  });
  const pct = goal.actionsTotal === 0 ? 0 : Math.round((goal.actionsDone / goal.actionsTotal) * 100);
  return (
    <article className="card goal" id={`goal-${goal.id}`} aria-labelledby={`goal-h-${goal.id}`}>
      <header className="goal-head">
        <div>
          <p className="muted small">{GOAL_KIND_LABELS[goal.kind]}{goal.targetDate ? ` · by ${formatDay(goal.targetDate)}` : ''}</p>
          <h2 id={`goal-h-${goal.id}`}>{goal.description}</h2>
        </div>
        <div className="field">
          <label htmlFor={`gs-${goal.id}`} className="visually-hidden">Status</label>
          <select id={`gs-${goal.id}`} value={goal.status} onChange={(e) => status.mutate(e.target.value as Goal['status'])}>
            <option value="open">Open</option>
            <option value="achieved">Achieved</option>
            <option value="dropped">Dropped</option>
          </select>
        </div>
      </header>
      <div className="progress" role="progressbar" aria-label={`Actions done for ${goal.description}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <p className="muted small">{goal.actionsDone} of {goal.actionsTotal} actions done</p>
      {(goal.contacts.length > 0 || goal.organisations.length > 0) && (
        <p className="goal-people">
          {goal.contacts.map((c) => <Link key={`c${c.id}`} className="tag" href={`/contacts/${c.id}`}>{c.name}</Link>)}
          {goal.organisations.map((o) => <span key={`o${o.id}`} className="tag">{o.name}</span>)}
        </p>
      )}
      <button type="button" className="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide actions' : 'Actions'}</button>
      {open && <GoalActions goalId={goal.id} />}
      <ErrorNote error={status.error} />
    </article>
  );
}
