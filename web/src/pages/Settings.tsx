import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { Network } from '../../../src/domain/networks.ts';
import type { Situation } from '../../../src/domain/situations.ts';
import { call } from '../api.ts';
import { ConnectionTypeSettings } from '../components/ConnectionTypeSettings.tsx';
import { FailedSignIns } from '../components/FailedSignIns.tsx';
import { ConnectedAccounts } from '../components/ConnectedAccounts.tsx';
import { DemoRemoval } from '../components/DemoRemoval.tsx';
import { DigestSettings } from '../components/DigestSettings.tsx';
import { NotifySettings } from '../components/NotifySettings.tsx';
import { PasswordSettings } from '../components/PasswordSettings.tsx';
import { ErrorNote, Loading, PageHeader } from '../components/ui.tsx';
import { NETWORK_LABELS, NETWORKS, SITUATION_HINTS, SITUATION_LABELS, SITUATIONS } from '../labels.ts';
import { useDocumentTitle } from '../router.tsx';

type Overrides = Partial<Record<Network, string>>;

function GeneralSettings() {
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
  const [situation, setSituation] = useState<Situation>('growing-in-role');
  const [overrides, setOverrides] = useState<Overrides>({});
  const [myName, setMyName] = useState('');
  const [eventDays, setEventDays] = useState('2');
  const [newDays, setNewDays] = useState('3');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setSituation(s.situation);
    setOverrides(Object.fromEntries(Object.entries(s.cadenceOverrides).map(([k, v]) => [k, String(v)])));
    setMyName(s.myName ?? '');
    setEventDays(String(s.eventFollowUpDays));
    setNewDays(String(s.newContactFollowUpDays));
  }, [settings.data]);
  const save = useMutation({
    // Every field is sent, so the update never falls back to a default for one left out.
    mutationFn: () => call('settings.update', {
      situation, myName: myName.trim() || null, onboarded: true,
      cadenceOverrides: Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== '' && v !== undefined).map(([k, v]) => [k, Number(v)])),
      eventFollowUpDays: Number(eventDays), newContactFollowUpDays: Number(newDays),
    }),
    onSuccess: async () => { setSaved(true); await qc.invalidateQueries(); },
  });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorNote error={settings.error} />;
  const submit = (e: FormEvent): void => { e.preventDefault(); setSaved(false); save.mutate(); };
  return (
    <form className="form" onSubmit={submit} aria-label="Situation and cadence">
      <div className="field">
        <label htmlFor="set-situation">My situation</label>
        <select id="set-situation" value={situation} onChange={(e) => setSituation(e.target.value as Situation)} aria-describedby="set-situation-hint">
          {SITUATIONS.map((s) => <option key={s} value={s}>{SITUATION_LABELS[s]}</option>)}
        </select>
        <span id="set-situation-hint" className="muted small">{SITUATION_HINTS[situation]}</span>
      </div>
      <fieldset>
        <legend>Keep in touch every … days</legend>
        <div className="row">
          {NETWORKS.map((n) => (
            <div key={n} className="field grow">
              <label htmlFor={`cad-${n}`}>{NETWORK_LABELS[n]}</label>
              <input id={`cad-${n}`} type="number" min={1} max={3650} value={overrides[n] ?? ''} placeholder={`default ${settings.data.cadenceDefaults[n]}`}
                onChange={(e) => setOverrides({ ...overrides, [n]: e.target.value })} />
            </div>
          ))}
        </div>
        <p className="muted small">Leave empty to follow your situation’s default. A contact’s own cadence wins over these.</p>
      </fieldset>
      <div className="row">
        <div className="field grow"><label htmlFor="set-event">Follow up after an event (days)</label><input id="set-event" type="number" min={0} max={60} value={eventDays} onChange={(e) => setEventDays(e.target.value)} /></div>
        <div className="field grow"><label htmlFor="set-new">First follow-up of a new contact (days)</label><input id="set-new" type="number" min={0} max={60} value={newDays} onChange={(e) => setNewDays(e.target.value)} /></div>
        <div className="field grow"><label htmlFor="set-name">My name (signs drafts)</label><input id="set-name" value={myName} onChange={(e) => setMyName(e.target.value)} /></div>
      </div>
      <ErrorNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>Save settings</button>
        {saved && !save.isPending && <span role="status" className="muted">Saved; next due dates follow.</span>}
      </div>
    </form>
  );
}

export default function Settings() {
  useDocumentTitle('Settings');
  return (
    <>
      <PageHeader title="Settings" />
      <section className="card" aria-labelledby="s-general"><h2 id="s-general">Situation and cadence</h2><GeneralSettings /></section>
      <section className="card" aria-labelledby="s-digest"><h2 id="s-digest">Digest</h2><DigestSettings /></section>
      <section className="card" aria-labelledby="s-notify"><h2 id="s-notify">Notifications</h2><NotifySettings /></section>
      <section className="card" aria-labelledby="s-types"><h2 id="s-types">Connection types</h2><ConnectionTypeSettings /></section>
      <section className="card" aria-labelledby="s-password"><h2 id="s-password">Password</h2><PasswordSettings /></section>
      <section className="card" aria-labelledby="s-failures"><h2 id="s-failures">Failed sign-ins</h2><FailedSignIns /></section>
      <section className="card" aria-labelledby="s-sync"><h2 id="s-sync">Connected address books</h2><ConnectedAccounts /></section>
      <section className="card" aria-labelledby="s-demo"><h2 id="s-demo">Demo data</h2><DemoRemoval /></section>
      <section className="card" aria-labelledby="s-cal">
        <h2 id="s-cal">Calendar and API</h2>
        <p>Calendar feed: <code className="copyable">{`${window.location.origin}/calendar.ics`}</code></p>
        <p>API documentation: <a href="/api/docs">/api/docs</a> (OpenAPI at <a href="/api/openapi.json">/api/openapi.json</a>)</p>
      </section>
    </>
  );
}
