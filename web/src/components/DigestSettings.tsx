import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { DigestChannel, DigestSettings as Digest } from '../../../src/domain/digest-settings.ts';
import { call } from '../api.ts';
import { ErrorNote, Loading } from './ui.tsx';

const WEEKDAY_LABELS = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;
const CHANNEL_LABELS: Record<DigestChannel, string> = { email: 'Email', webhook: 'Webhook', ntfy: 'ntfy push' };
const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : '—');
const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());

// "Send a test" on one channel, with what happened (or what to fix) shown beside it.
function TestButton({ channel }: { channel: DigestChannel }) {
  const test = useMutation({ mutationFn: () => call('digest.test', { channel }) });
  return (
    <div className="inline-form">
      <button type="button" disabled={test.isPending} onClick={() => test.mutate()}>Send a test<span className="visually-hidden"> by {CHANNEL_LABELS[channel]}</span></button>
      {test.data && <span role="status" data-testid={`digest-test-${channel}`} className={test.data.ok ? 'ok' : 'overdue'}>{test.data.ok ? 'Sent: ' : 'Failed: '}{test.data.message}</span>}
      <ErrorNote error={test.error} />
    </div>
  );
}

// The digest's schedule and channels. Secrets are write-only: the server says whether one is stored, never what it is;
// an empty secret field leaves the stored one as it is.
export function DigestSettings() {
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['digest'], queryFn: () => call('digest.status', {}) });
  const [d, setD] = useState<Digest | null>(null);
  const [smtpPassword, setSmtpPassword] = useState('');
  const [webhookSecret, setWebhookSecret] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => { if (status.data) setD(status.data.digest); }, [status.data]);
  const save = useMutation({
    mutationFn: (digest: Digest) => call('digest.configure', {
      ...digest, ...(smtpPassword ? { smtpPassword } : {}), ...(webhookSecret ? { webhookSecret } : {}),
    }),
    onSuccess: async () => { setSaved(true); setSmtpPassword(''); setWebhookSecret(''); await qc.invalidateQueries({ queryKey: ['digest'] }); },
  });
  if (status.isPending || !d) return <Loading />;
  if (status.isError) return <ErrorNote error={status.error} />;
  const s = status.data;
  const set = (patch: Partial<Digest>): void => { setSaved(false); setD({ ...d, ...patch }); };
  const submit = (e: FormEvent): void => { e.preventDefault(); save.mutate(d); };
  return (
    <form className="form" onSubmit={submit} aria-label="Digest">
      <fieldset>
        <legend>Schedule</legend>
        <div className="row">
          <div className="field grow"><label htmlFor="dg-freq">Send</label>
            <select id="dg-freq" value={d.frequency} onChange={(e) => set({ frequency: e.target.value as Digest['frequency'] })}>
              <option value="off">never (off)</option><option value="daily">every day</option><option value="weekly">every week</option>
            </select></div>
          {d.frequency === 'weekly' && <div className="field grow"><label htmlFor="dg-day">On</label>
            <select id="dg-day" value={d.weekday} onChange={(e) => set({ weekday: e.target.value as Digest['weekday'] })}>
              {Object.entries(WEEKDAY_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
            </select></div>}
          <div className="field grow"><label htmlFor="dg-hour">At hour (0–23)</label>
            <input id="dg-hour" type="number" min={0} max={23} value={d.hour} onChange={(e) => set({ hour: Number(e.target.value) })} /></div>
          <div className="field grow"><label htmlFor="dg-tz">Time zone</label>
            <input id="dg-tz" value={d.timeZone} onChange={(e) => set({ timeZone: e.target.value })} placeholder="Europe/Paris" /></div>
        </div>
      </fieldset>
      <fieldset>
        <legend><label><input type="checkbox" checked={d.email.enabled} onChange={(e) => set({ email: { ...d.email, enabled: e.target.checked } })} /> Email (SMTP)</label></legend>
        <div className="row">
          <div className="field grow"><label htmlFor="dg-to">To</label><input id="dg-to" type="email" value={d.email.to ?? ''} onChange={(e) => set({ email: { ...d.email, to: text(e.target.value) } })} /></div>
          <div className="field grow"><label htmlFor="dg-from">From</label><input id="dg-from" type="email" value={d.email.from ?? ''} onChange={(e) => set({ email: { ...d.email, from: text(e.target.value) } })} /></div>
          <div className="field grow"><label htmlFor="dg-host">SMTP host</label><input id="dg-host" value={d.email.host ?? ''} onChange={(e) => set({ email: { ...d.email, host: text(e.target.value) } })} /></div>
          <div className="field"><label htmlFor="dg-port">Port</label><input id="dg-port" type="number" min={1} max={65535} value={d.email.port} onChange={(e) => set({ email: { ...d.email, port: Number(e.target.value) } })} /></div>
          <div className="field"><label htmlFor="dg-tls">Encryption</label>
            <select id="dg-tls" value={d.email.tls} onChange={(e) => set({ email: { ...d.email, tls: e.target.value as Digest['email']['tls'] } })}>
              <option value="starttls">STARTTLS</option><option value="tls">TLS (465)</option><option value="none">none (local relay)</option>
            </select></div>
          <div className="field grow"><label htmlFor="dg-user">User</label><input id="dg-user" value={d.email.user ?? ''} onChange={(e) => set({ email: { ...d.email, user: text(e.target.value) } })} autoComplete="off" /></div>
          <div className="field grow"><label htmlFor="dg-pass">Password</label>
            <input id="dg-pass" type="password" value={smtpPassword} onChange={(e) => { setSaved(false); setSmtpPassword(e.target.value); }} autoComplete="new-password"
              placeholder={s.smtpPasswordSet ? 'stored (type to replace)' : 'not set'} /></div>
        </div>
        <label className="small"><input type="checkbox" checked={d.email.verifyCertificate} onChange={(e) => set({ email: { ...d.email, verifyCertificate: e.target.checked } })} /> Check the server’s certificate</label>
        <TestButton channel="email" />
      </fieldset>
      <fieldset>
        <legend><label><input type="checkbox" checked={d.webhook.enabled} onChange={(e) => set({ webhook: { ...d.webhook, enabled: e.target.checked } })} /> Webhook</label></legend>
        <div className="row">
          <div className="field grow"><label htmlFor="dg-hook">Webhook URL</label><input id="dg-hook" type="url" value={d.webhook.url ?? ''} onChange={(e) => set({ webhook: { ...d.webhook, url: text(e.target.value) } })} /></div>
          <div className="field grow"><label htmlFor="dg-secret">Signing secret</label>
            <input id="dg-secret" type="password" value={webhookSecret} onChange={(e) => { setSaved(false); setWebhookSecret(e.target.value); }} autoComplete="new-password"
              placeholder={s.webhookSecretSet ? 'stored (type to replace)' : 'not set'} /></div>
        </div>
        <TestButton channel="webhook" />
      </fieldset>
      <fieldset>
        <legend><label><input type="checkbox" checked={d.ntfy.enabled} onChange={(e) => set({ ntfy: { ...d.ntfy, enabled: e.target.checked } })} /> ntfy push</label></legend>
        <div className="field grow"><label htmlFor="dg-ntfy">Topic URL</label><input id="dg-ntfy" type="url" value={d.ntfy.url ?? ''} placeholder="https://ntfy.sh/your-topic" onChange={(e) => set({ ntfy: { ...d.ntfy, url: text(e.target.value) } })} /></div>
        <TestButton channel="ntfy" />
      </fieldset>
      <ErrorNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>Save digest</button>
        {saved && !save.isPending && <span role="status" className="muted">Saved.</span>}
      </div>
      <div aria-label="Digest sends" data-testid="digest-sends">
        <p>Next send: <strong>{d.frequency === 'off' ? 'off' : when(s.nextSendAt)}</strong></p>
        {s.channels.length > 0 && (
          <table className="small">
            <thead><tr><th>Channel</th><th>Period</th><th>Last</th><th>Attempts</th><th>Next retry</th><th>Error</th></tr></thead>
            <tbody>{s.channels.map((c) => (
              <tr key={`${c.channel}-${c.period}`}>
                <td>{c.channel}</td><td>{c.period}</td><td className={c.status === 'failed' ? 'overdue' : ''}>{c.status === 'sent' ? `sent ${when(c.sentAt)}` : `failed ${when(c.lastAttemptAt)}`}</td>
                <td>{c.attempts}</td><td>{c.status === 'failed' ? when(c.nextAttemptAt) : '—'}</td><td>{c.lastError ?? ''}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </div>
    </form>
  );
}
