import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { GOAL_KINDS } from '../../../src/domain/entities.ts';
import { call } from '../api.ts';
import { ContactPicker, type PickedContact } from '../components/ContactPicker.tsx';
import { GoalCard } from '../components/GoalCard.tsx';
import { Empty, ErrorNote, Loading, PageHeader } from '../components/ui.tsx';
import { GOAL_KIND_LABELS, keysOf } from '../labels.ts';
import { useDocumentTitle } from '../router.tsx';

type GoalKind = (typeof GOAL_KINDS)[number];

function NewGoal({ onDone }: { onDone: () => void }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<GoalKind>('mentorship');
  const [description, setDescription] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [people, setPeople] = useState<PickedContact[]>([]);
  const create = useMutation({
    mutationFn: () => call('goal.create', { kind, description, targetDate: targetDate || null, contactIds: people.map((p) => p.id) }),
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: ['goals'] }); onDone(); },
  });
  const submit = (e: FormEvent): void => { e.preventDefault(); create.mutate(); };
  return (
    <form className="form card" onSubmit={submit} aria-label="New goal">
      <div className="row">
        <div className="field">
          <label htmlFor="g-kind">Kind</label>
          <select id="g-kind" value={kind} onChange={(e) => setKind(e.target.value as GoalKind)}>
            {keysOf(GOAL_KIND_LABELS).map((k) => <option key={k} value={k}>{GOAL_KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="g-desc">Goal</label>
          <input id="g-desc" value={description} onChange={(e) => setDescription(e.target.value)} required placeholder="Find a mentor in product leadership" />
        </div>
        <div className="field">
          <label htmlFor="g-date">Target date</label>
          <input id="g-date" type="date" value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />
        </div>
      </div>
      <ContactPicker label="People who can help" picked={people} onChange={setPeople} multiple />
      <ErrorNote error={create.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>Add goal</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

// Define networking goals first (DOMAIN.md §3), then tie people and actions to them.
export default function Goals() {
  useDocumentTitle('Goals');
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<'open' | 'achieved' | 'dropped' | ''>('open');
  const goals = useQuery({ queryKey: ['goals', status], queryFn: () => call('goal.list', status ? { status } : {}) });
  return (
    <>
      <PageHeader title="Goals">
        <label htmlFor="goal-status" className="visually-hidden">Show</label>
        <select id="goal-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="open">Open goals</option>
          <option value="achieved">Achieved</option>
          <option value="dropped">Dropped</option>
          <option value="">All</option>
        </select>
        {!adding && <button type="button" className="primary" onClick={() => setAdding(true)}>New goal</button>}
      </PageHeader>
      {adding && <NewGoal onDone={() => setAdding(false)} />}
      {goals.isPending && <Loading />}
      <ErrorNote error={goals.error} />
      {goals.data?.length === 0 && <Empty>No goals here yet. What do you want your network to help with: a mentor, a new role, insight into an industry?</Empty>}
      <div className="goal-grid">{goals.data?.map((g) => <GoalCard key={g.id} goal={g} />)}</div>
    </>
  );
}
