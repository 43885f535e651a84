import { useQuery } from '@tanstack/react-query';
import { call } from '../api.ts';
import { plural } from '../format.ts';
import { ErrorNote, Loading } from './ui.tsx';

// Shown in the reader's time zone: the question is "was that me, this morning?".
const instant = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const SHOWN = 20;

// Wrong passwords and tokens the server refused, so a guesser on the network does not go unnoticed.
export function FailedSignIns() {
  const failures = useQuery({ queryKey: ['auth-failures'], queryFn: () => call('auth.failures', {}) });
  if (failures.isPending) return <Loading />;
  if (failures.isError) return <ErrorNote error={failures.error} />;
  const { totals, since, latest } = failures.data;
  const total = totals.password + totals.token;
  if (total === 0) return <p className="muted">No failed sign-ins.</p>;
  return (
    <>
      <p>
        {plural(total, 'failed sign-in')} ({totals.password} wrong password{totals.password === 1 ? '' : 's'}, {totals.token} wrong token{totals.token === 1 ? '' : 's'})
        {since && <> since {instant.format(new Date(since))}</>}.
        {' '}After 5 failures an address waits 1 s, then 2 s, 4 s … up to 15 minutes between tries.
      </p>
      <div className="table-wrap">
        <table className="data" aria-label="Latest failed sign-ins">
          <thead><tr><th scope="col">When</th><th scope="col">From</th><th scope="col">Tried</th></tr></thead>
          <tbody>
            {latest.slice(0, SHOWN).map((f, i) => (
              <tr key={`${f.at}-${i}`}><td>{instant.format(new Date(f.at))}</td><td><code>{f.client}</code></td><td>{f.kind === 'password' ? 'password' : 'token'}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {latest.length > SHOWN && <p className="muted small">The latest {SHOWN} of {latest.length} kept; <code>rapport settings failed-sign-ins</code> lists them all.</p>}
    </>
  );
}
