import { useState } from 'react';
import { notifyState, turnNotificationsOff, turnNotificationsOn, type NotifyState } from '../notifications.ts';

const SAY: Record<NotifyState, string> = {
  unsupported: 'This browser cannot show notifications from Rapport.',
  blocked: 'Notifications are blocked for Rapport in this browser; allow them in the site settings (the icon left of the address), then come back.',
  off: 'Off on this device.',
  on: 'On: this device shows what is due (follow-ups and keep in touch) when it changes, and opens Today when you click it.',
};

// Settings → Notifications. Per device: the phone can say yes while the laptop says no.
export function NotifySettings() {
  const [state, setState] = useState<NotifyState>(notifyState);
  const [busy, setBusy] = useState(false);
  const change = (to: () => Promise<NotifyState>) => async () => {
    setBusy(true);
    try {
      setState(await to());
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p role="status" data-state={state}>{SAY[state]}</p>
      {state === 'off' && <button type="button" disabled={busy} onClick={change(turnNotificationsOn)}>Notify me on this device</button>}
      {state === 'on' && <button type="button" disabled={busy} onClick={change(turnNotificationsOff)}>Stop notifications on this device</button>}
      <p className="muted small">Install Rapport on a phone's home screen (Add to Home screen) so it can check in the background too.</p>
    </>
  );
}
