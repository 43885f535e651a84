import type { Hono } from 'hono';
import { RapportError } from '../domain/errors.ts';
import { unsubscribeEmail } from '../services/digest.service.ts';
import type { ServiceContext } from '../services/operation.ts';

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;max-width:32em;margin:3em auto"><h1>${title}</h1>${body}</body></html>`;

// The digest email's unsubscribe link. Mounted before the session check and the same-origin rule: a mail client's
// one-click POST (RFC 8058, body "List-Unsubscribe=One-Click") comes from the mail provider, with the token in the
// URL as its only credential. GET only shows a button, so a link scanner opening the URL unsubscribes nobody.
export function mountDigestRoutes(app: Hono, context: () => ServiceContext): void {
  app.get('/digest/unsubscribe', (c) => {
    const token = c.req.query('token') ?? '';
    return c.html(page('Stop the Rapport digest emails?', `<form method="post" action="/digest/unsubscribe?token=${encodeURIComponent(token)}">` +
      '<p>Rapport will stop emailing you its digest. Other channels (webhook, push) are not changed.</p><button type="submit">Stop the emails</button></form>'));
  });
  app.post('/digest/unsubscribe', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!token) throw new RapportError('invalid', 'token: the unsubscribe link has no token');
    const changed = await unsubscribeEmail(context().store, token);
    return c.html(page('Unsubscribed', `<p>${changed ? 'Rapport will not email you the digest any more.' : 'The digest emails were already off.'} Turn them back on in Settings → Digest.</p>`));
  });
}
