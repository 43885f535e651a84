import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api.ts';
import { ErrorNote, Loading } from './ui.tsx';

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;
// "1 interaction and 2 links": the kinds with none are left out.
const listed = (parts: [number, string][]): string => {
  const words = parts.filter(([count]) => count > 0).map(([count, one]) => n(count, one));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}` : words.join('');
};

// Settings → Remove demo data: says first what goes (including what the user added only with demo people), then
// removes it in one step that the toast can undo.
export function DemoRemoval() {
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const plan = useQuery({ queryKey: ['demo-removal-plan'], queryFn: () => call('demo.remove', { dryRun: true }) });
  const remove = useMutation({
    mutationFn: () => call('demo.remove', {}),
    onSuccess: async () => { setAsking(false); await qc.invalidateQueries(); },
  });
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorNote error={plan.error} />;
  const p = plan.data;
  const demoRows = p.contacts + p.organisations + p.interactions + p.events + p.communities + p.goals;
  if (demoRows === 0) return <p className="muted">There is no demo data in this database.{remove.isSuccess ? ' It was removed.' : ''}</p>;
  const yours = p.yours.interactions + p.yours.followUps + p.yours.actions + p.yours.links;
  return (
    <>
      <p>The demo network is still here: {n(p.contacts, 'contact')}, {n(p.organisations, 'organisation')}, {n(p.interactions, 'interaction')},
        {' '}{n(p.events, 'event')}, {n(p.communities, 'community', 'communities')} and {n(p.goals, 'goal')}. Everything you added yourself stays.</p>
      {!asking && <button type="button" className="danger" onClick={() => setAsking(true)}>Remove demo data…</button>}
      {asking && (
        <div role="alertdialog" aria-labelledby="demo-remove-q" className="confirm">
          <p id="demo-remove-q"><strong>Remove the demo data?</strong>{' '}
            {yours > 0
              ? <>What you added only with demo people goes with them: {listed([[p.yours.interactions, 'interaction'], [p.yours.followUps, 'follow-up'], [p.yours.actions, 'action'], [p.yours.links, 'link']])}.
                {' '}An interaction you logged with one of your own contacts as well stays.</>
              : <>Nothing you added goes with it.</>}
            {' '}You can undo this afterwards.</p>
          <ErrorNote error={remove.error} />
          <div className="form-actions">
            <button type="button" className="primary" disabled={remove.isPending} onClick={() => remove.mutate()}>Remove demo data</button>
            <button type="button" onClick={() => setAsking(false)}>Keep it</button>
          </div>
        </div>
      )}
    </>
  );
}
