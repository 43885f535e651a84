import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api.ts';
import { ErrorNote, Loading } from './ui.tsx';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

// Address books Rapport syncs with (CardDAV): add, sync now, pause, remove; the last result or error of each; and
// what a sync left for the user to decide. The password typed here is stored, which the checkbox asks consent for.
export function ConnectedAccounts() {
  const qc = useQueryClient();
  const accounts = useQuery({ queryKey: ['sync-accounts'], queryFn: () => call('sync.list', {}) });
  const issues = useQuery({ queryKey: ['sync-conflicts'], queryFn: () => call('sync.conflicts', {}) });
  const [form, setForm] = useState({ name: '', url: '', username: '', password: '', consent: false });
  const refresh = () => qc.invalidateQueries();
  const add = useMutation({
    mutationFn: () => call('sync.add', { kind: 'carddav', name: form.name.trim(), url: form.url.trim(), ...(form.username ? { username: form.username } : {}), ...(form.password ? { password: form.password } : {}) }),
    onSuccess: async () => { setForm({ name: '', url: '', username: '', password: '', consent: false }); await refresh(); },
  });
  const act = useMutation({
    mutationFn: async ({ verb, name }: { verb: 'run' | 'pause' | 'resume' | 'remove'; name: string }): Promise<void> => {
      if (verb === 'run') await call('sync.run', { name });
      else if (verb === 'pause') await call('sync.pause', { name });
      else if (verb === 'resume') await call('sync.resume', { name });
      else await call('sync.remove', { name });
    },
    onSettled: refresh,
  });
  const resolve = useMutation({ mutationFn: (v: { id: number; keep: 'rapport' | 'server' }) => call('sync.resolve', v), onSettled: refresh });
  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <ErrorNote error={accounts.error} />;
  const submit = (e: FormEvent) => { e.preventDefault(); add.mutate(); };
  return (
    <>
      {accounts.data.length === 0 ? <p className="muted">No connected address book yet.</p> : (
        <div className="table-wrap">
          <table className="data" aria-label="Connected accounts">
            <thead><tr><th scope="col">Name</th><th scope="col">Server</th><th scope="col">Last sync</th><th scope="col">Result</th><th scope="col"></th></tr></thead>
            <tbody>
              {accounts.data.map((a) => (
                <tr key={a.name}>
                  <td>{a.name}{a.paused && <span className="muted"> (paused)</span>}</td>
                  <td><code>{a.url}</code></td>
                  <td>{a.lastSyncAt ?? 'never'}</td>
                  <td>{a.lastError ? <span role="alert">{a.lastError}</span> : a.lastResult ? (['created', 'updated', 'deleted', 'archived', 'conflicts'] as const).map((k) => `${a.lastResult![k]} ${k}`).join(', ') : ''}</td>
                  <td className="row">
                    <button type="button" onClick={() => act.mutate({ verb: 'run', name: a.name })} disabled={act.isPending}>Sync now</button>
                    <button type="button" onClick={() => act.mutate({ verb: a.paused ? 'resume' : 'pause', name: a.name })}>{a.paused ? 'Resume' : 'Pause'}</button>
                    <button type="button" onClick={() => act.mutate({ verb: 'remove', name: a.name })}>Remove</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {act.isError && <ErrorNote error={act.error} />}
      {issues.data && issues.data.length > 0 && (
        <>
          <h3>To decide</h3>
          <ul aria-label="Sync conflicts">
            {issues.data.map((i) => (
              <li key={i.id}>
                <strong>{i.contact ?? '(erased)'}</strong> ({i.account}): {i.kind === 'conflict' ? 'changed on both sides' : i.reason}
                {i.fields.map((f) => <div key={f.field} className="small">{f.field}: Rapport {show(f.rapport)} · server {show(f.server)}</div>)}
                {i.kind === 'conflict'
                  ? <><button type="button" onClick={() => resolve.mutate({ id: i.id, keep: 'rapport' })}>Keep Rapport's</button> <button type="button" onClick={() => resolve.mutate({ id: i.id, keep: 'server' })}>Keep the server's</button></>
                  : <button type="button" onClick={() => resolve.mutate({ id: i.id, keep: 'rapport' })}>Dismiss</button>}
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="form" onSubmit={submit} aria-label="Connect an address book">
        <div className="row">
          <div className="field grow"><label htmlFor="acc-name">Name</label><input id="acc-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="phone" required /></div>
          <div className="field grow"><label htmlFor="acc-url">CardDAV server</label><input id="acc-url" type="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://dav.example.org" required /></div>
        </div>
        <div className="row">
          <div className="field grow"><label htmlFor="acc-user">User</label><input id="acc-user" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} autoComplete="off" /></div>
          <div className="field grow"><label htmlFor="acc-pass">Password</label><input id="acc-pass" type="password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="off" /></div>
        </div>
        <label><input type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} /> Store this password in the Rapport database (never in backups). Without it, add the account with <code>rapport sync add … --password-env VAR</code>.</label>
        <button type="submit" disabled={add.isPending || (form.password !== '' && !form.consent)}>Connect</button>
        {add.isError && <ErrorNote error={add.error} />}
      </form>
    </>
  );
}
