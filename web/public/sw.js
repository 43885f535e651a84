// Rapport's service worker: it makes the web app installable on a phone's home screen and shows "what is due"
// notifications. Plain JavaScript served as it is (no build step, no caching of pages: the app needs its server
// anyway). It checks Today when the page asks (on load, every 15 minutes while open, and when notifications are
// turned on) and on periodic background sync where the browser offers it (an installed app on Chromium).
const TAG = 'rapport-due';
const STATE = 'rapport-notifications';
const LAST = '/__rapport/last-due-notification';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// Today's answer as one notification, or null when nothing is due. Follow-ups first, then keep in touch, as Today.
function notificationOf(view) {
  const followUps = view.followUpsTotal;
  const keep = view.keepInTouchTotal;
  if (followUps + keep === 0) return null;
  const names = [...view.followUps.map((f) => f.contactName), ...view.overdue.map((c) => c.name), ...view.dueThisWeek.map((c) => c.name)];
  const top = [...new Set(names)].slice(0, 3);
  const more = followUps + keep - top.length;
  const counts = [followUps ? plural(followUps, 'follow-up', 'follow-ups') : null, keep ? `${plural(keep, 'person', 'people')} to keep in touch with` : null].filter(Boolean);
  return {
    title: `Rapport: ${counts.join(', ')}`,
    body: `${top.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    signature: `${view.today}|${followUps}|${keep}|${top.join(',')}`,
  };
}

async function lastSignature() {
  const cache = await caches.open(STATE);
  const hit = await cache.match(LAST);
  return hit ? hit.text() : null;
}

async function remember(signature) {
  const cache = await caches.open(STATE);
  await cache.put(LAST, new Response(signature));
}

// Shows what is due when it changed since the last notification (force: the user just turned them on).
async function checkDue(force) {
  if (Notification.permission !== 'granted') return;
  const response = await fetch('/api/today?limit=3', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  // Signed out (401) or the server away: nothing to say, and the next check tries again.
  if (!response.ok) return;
  const due = notificationOf(await response.json());
  if (!due) return;
  if (!force && (await lastSignature()) === due.signature) return;
  await self.registration.showNotification(due.title, {
    body: due.body, tag: TAG, icon: '/icon-192.png', badge: '/icon-192.png', data: { url: '/' },
  });
  await remember(due.signature);
}

self.addEventListener('message', (event) => {
  if (event.data?.type === 'check-due') event.waitUntil(checkDue(event.data.force === true));
});

self.addEventListener('periodicsync', (event) => {
  if (event.tag === TAG) event.waitUntil(checkDue(false));
});

// Opens Today in the app's window if one is open, else a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
    if (open) {
      await open.focus();
      return open.navigate(url);
    }
    return self.clients.openWindow(url);
  })());
});
