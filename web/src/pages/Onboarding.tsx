import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Situation } from '../../../src/domain/situations.ts';
import { call } from '../api.ts';
import { ErrorNote } from '../components/ui.tsx';
import { SITUATION_HINTS, SITUATION_LABELS, SITUATIONS } from '../labels.ts';
import { navigate, useDocumentTitle } from '../router.tsx';

type Start = 'demo' | 'import' | 'hand';

// First visit: what you are doing now (it sets the keep-in-touch rhythm), then how to begin.
export default function Onboarding() {
  useDocumentTitle('Welcome');
  const qc = useQueryClient();
  const [situation, setSituation] = useState<Situation>('growing-in-role');
  const [myName, setMyName] = useState('');
  const existing = useQuery({ queryKey: ['contacts', 'any'], queryFn: () => call('contact.list', { limit: 1 }) });
  const start = useMutation({
    mutationFn: async (how: Start) => {
      if (how === 'demo') await call('demo.load', {});
      // The situation is sent with the flag so neither can reset the other; a blank name leaves drafts asking for it.
      await call('settings.update', { situation, onboarded: true, ...(myName.trim() ? { myName: myName.trim() } : {}) });
      return how;
    },
    onSuccess: async (how) => {
      await qc.invalidateQueries();
      navigate(how === 'import' ? '/import' : how === 'hand' && (existing.data?.total ?? 0) === 0 ? '/contacts' : '/', { replace: true });
    },
  });
  const empty = (existing.data?.total ?? 0) === 0;
  return (
    <div className="onboarding">
      <h1 tabIndex={-1}>Welcome to Rapport</h1>
      <p className="lede">Rapport keeps your three professional networks — operational, personal and strategic — on purpose: who to get back to, who is going quiet, and what you are building towards.</p>
      <fieldset className="situations">
        <legend>What are you doing now?</legend>
        {SITUATIONS.map((s) => (
          <div key={s} className={`situation${situation === s ? ' chosen' : ''}`}>
            <input type="radio" id={`sit-${s}`} name="situation" value={s} checked={situation === s} onChange={() => setSituation(s)} />
            <label htmlFor={`sit-${s}`}><strong>{SITUATION_LABELS[s]}</strong><span className="muted">{SITUATION_HINTS[s]}</span></label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="my-name">Your name <span className="muted">(signs the messages Rapport drafts for you)</span></label>
        <input id="my-name" type="text" autoComplete="name" maxLength={200} value={myName} onChange={(e) => setMyName(e.target.value)} />
      </div>
      <h2>How would you like to start?</h2>
      {empty ? (
        <div className="start-options">
          <button type="button" className="start-option" disabled={start.isPending} onClick={() => start.mutate('demo')}>
            <strong>{start.isPending && start.variables === 'demo' ? 'Loading the demo…' : 'Explore a demo network'}</strong>
            <span>About 200 made-up contacts with two years of history, to explore before you add your own.</span>
          </button>
          <button type="button" className="start-option" disabled={start.isPending} onClick={() => start.mutate('import')}>
            <strong>Import a file</strong>
            <span>LinkedIn connections, Google or Outlook CSV, or vCards.</span>
          </button>
          <button type="button" className="start-option" disabled={start.isPending} onClick={() => start.mutate('hand')}>
            <strong>Start by hand</strong>
            <span>Add people as you go. Press <kbd>n</kbd> for a new contact.</span>
          </button>
        </div>
      ) : (
        <button type="button" className="primary" disabled={start.isPending} onClick={() => start.mutate('hand')}>Continue to today</button>
      )}
      <ErrorNote error={start.error} />
    </div>
  );
}
