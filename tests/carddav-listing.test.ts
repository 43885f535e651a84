import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listCards } from '../src/services/sync/carddav-client.ts';
import { davSession } from '../src/services/sync/dav-http.ts';
import type { ConnectedAccount } from '../src/services/sync/account-syncer.ts';

// Servers other than Radicale: Nextcloud/sabre answers the listing with other prefixes and escapes CR as &#13;;
// a server without addressbook-query (405) is listed by PROPFIND instead.
let server: Server | null = null;
afterEach(() => new Promise<void>((r) => { if (!server) r(); else server.close(() => r()); server = null; }));

async function serve(answer: (method: string) => { status: number; body: string }): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answer(req.method!);
      res.writeHead(a.status, { 'Content-Type': 'application/xml; charset=utf-8' });
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/dav/addressbooks/ada/contacts/`;
}

const account = (url: string) => ({ id: 1, name: 'cloud', url, username: 'ada', secret: 'pw', secret_env: null }) as unknown as ConnectedAccount;

describe('listing an address book', () => {
  it('reads a sabre-style answer: prefixes, escaped card text, a card gone (404) left out', async () => {
    const url = await serve(() => ({
      status: 207,
      body: `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
        <d:response><d:href>/dav/addressbooks/ada/contacts/a%20b.vcf</d:href><d:propstat><d:prop><d:getetag>&quot;e1&quot;</d:getetag>
        <card:address-data>BEGIN:VCARD&#13;\nVERSION:3.0&#13;\nFN:Ada &amp; Co&#13;\nEND:VCARD&#13;\n</card:address-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>
        <d:response><d:href>/dav/addressbooks/ada/contacts/gone.vcf</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>
      </d:multistatus>`,
    }));
    const got = await listCards(davSession(account(url)), url, true);
    expect([...got.keys()]).toEqual([`${url}a%20b.vcf`]);
    expect(got.get(`${url}a%20b.vcf`)).toEqual({ etag: '"e1"', data: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada & Co\r\nEND:VCARD' });
  });

  it('a server without addressbook-query is listed by PROPFIND', async () => {
    const url = await serve((method) => method === 'REPORT' ? { status: 405, body: '' } : {
      status: 207,
      body: `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:"><D:response><D:href>/dav/addressbooks/ada/contacts/</D:href><D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
        <D:response><D:href>/dav/addressbooks/ada/contacts/x.vcf</D:href><D:propstat><D:prop><D:getetag>"x1"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>`,
    });
    const got = await listCards(davSession(account(url)), url, true);
    expect([...got]).toEqual([[`${url}x.vcf`, { etag: '"x1"', data: null }]]);
  });
});
