import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call } from '../api.ts';
import { ErrorNote } from './ui.tsx';

// A password is what lets Rapport listen beyond this computer (rapport serve --host 0.0.0.0).
export function PasswordSettings() {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['auth-status'], queryFn: () => call('auth.status', {}) });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState('');
  const set = useMutation({
    mutationFn: () => call('auth.set-password', { newPassword: next, ...(status.data?.passwordSet ? { currentPassword: current } : {}) }),
    onSuccess: async () => {
      setCurrent(''); setNext('');
      setMessage('Password saved. Sign in with it from now on.');
      await qc.invalidateQueries({ queryKey: ['auth-status'] });
    },
  });
  const clear = useMutation({
    mutationFn: () => call('auth.clear-password', { currentPassword: current }),
    onSuccess: async () => {
      setCurrent('');
      setMessage('Password removed.');
      await qc.invalidateQueries({ queryKey: ['auth-status'] });
    },
  });
  const submit = (e: FormEvent): void => { e.preventDefault(); set.mutate(); };
  const has = status.data?.passwordSet === true;
  return (
    <form className="form" onSubmit={submit} aria-label="Password">
      <p className="muted">{has ? 'A password protects this Rapport.' : 'No password is set: only this computer can reach Rapport.'}</p>
      {has && (
        <div className="field">
          <label htmlFor="pw-current">Current password</label>
          <input id="pw-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="pw-new">{has ? 'New password' : 'Password'}</label>
        <input id="pw-new" type="password" autoComplete="new-password" minLength={8} value={next} onChange={(e) => setNext(e.target.value)} aria-describedby="pw-hint" />
        <span id="pw-hint" className="muted small">At least 8 characters. Stored only as an argon2 hash.</span>
      </div>
      <ErrorNote error={set.error ?? clear.error} />
      {message && <p role="status" className="muted">{message}</p>}
      <div className="form-actions">
        <button type="submit" disabled={set.isPending || next.length === 0}>{has ? 'Change password' : 'Set password'}</button>
        {has && <button type="button" className="danger" disabled={clear.isPending || current.length === 0} onClick={() => clear.mutate()}>Remove password</button>}
      </div>
    </form>
  );
}
