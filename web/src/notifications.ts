// "Notify me on this device": the page side of web/public/sw.js. The choice is per device (a browser's permission
// is), so it lives in localStorage, not in the database's settings.
const CHOICE = 'rapport.notify-due';
const TAG = 'rapport-due';
const EVERY_MS = 15 * 60_000;
// The browser's own floor for periodic sync is about 12 hours on Chromium; asking for less is harmless.
const SYNC_EVERY_MS = 60 * 60_000;

export type NotifyState = 'unsupported' | 'blocked' | 'off' | 'on';

// Periodic background sync is Chromium's, and not in TypeScript's DOM types yet.
interface PeriodicSync {
  register(tag: string, options: { minInterval: number }): Promise<void>;
  unregister(tag: string): Promise<void>;
}
const periodicSyncOf = (reg: ServiceWorkerRegistration): PeriodicSync | null => (reg as unknown as { periodicSync?: PeriodicSync }).periodicSync ?? null;

const supported = (): boolean => 'serviceWorker' in navigator && 'Notification' in window;

export function notifyState(): NotifyState {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' && localStorage.getItem(CHOICE) === 'on' ? 'on' : 'off';
}

async function askWorker(force: boolean): Promise<void> {
  const reg = await navigator.serviceWorker.ready;
  reg.active?.postMessage({ type: 'check-due', force });
}

export async function turnNotificationsOn(): Promise<NotifyState> {
  if (!supported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'blocked' : 'off';
  localStorage.setItem(CHOICE, 'on');
  const reg = await navigator.serviceWorker.ready;
  // Only an installed app may sync in the background; elsewhere the checks run while the app is open.
  await periodicSyncOf(reg)?.register(TAG, { minInterval: SYNC_EVERY_MS }).catch(() => undefined);
  await askWorker(true);
  return 'on';
}

export async function turnNotificationsOff(): Promise<NotifyState> {
  localStorage.setItem(CHOICE, 'off');
  if (supported()) {
    const reg = await navigator.serviceWorker.ready;
    await periodicSyncOf(reg)?.unregister(TAG).catch(() => undefined);
    for (const n of await reg.getNotifications({ tag: TAG })) n.close();
  }
  return notifyState();
}

// At start: the service worker (so the app installs), then, if this device said yes, a check now and every 15 minutes.
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.register('/sw.js').then(() => {
    if (notifyState() !== 'on') return;
    void askWorker(false);
    setInterval(() => { if (notifyState() === 'on') void askWorker(false); }, EVERY_MS);
  }, (error: unknown) => console.warn('Rapport: the service worker did not register', error));
}
