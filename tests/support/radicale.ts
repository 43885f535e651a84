import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// Debian's radicale (CardDAV/CalDAV server), run as /usr/bin/python3 on a loopback port with htpasswd logins and a
// temporary storage folder: the real server the sync tests talk to. CI installs it (.ci/run) and must have it.
export const PYTHON = '/usr/bin/python3';
export const radicaleAvailable = spawnSync(PYTHON, ['-c', 'import radicale'], { stdio: 'ignore' }).status === 0;
if (!radicaleAvailable && process.env.CI) throw new Error(`radicale is not importable by ${PYTHON}; CI requires it (apt-get install -y radicale)`);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

// A storage folder with one htpasswd login, the loopback address and the header that signs in as it.
export async function radicaleSetup(prefix: string): Promise<{ dir: string; user: string; password: string; port: number; url: string; auth: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const user = 'ada';
  const password = 'correct horse';
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  const port = await freePort();
  return { dir, user, password, port, url: `http://127.0.0.1:${port}`, auth: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

// Starts Radicale on the folder and port and resolves once it listens; its stderr is left for the caller to read.
export async function spawnRadicale(dir: string, port: number): Promise<ChildProcess> {
  const proc = spawn(PYTHON, ['-m', 'radicale', '--server-hosts', `127.0.0.1:${port}`, '--storage-filesystem-folder', join(dir, 'collections'),
    '--auth-type', 'htpasswd', '--auth-htpasswd-filename', join(dir, 'users'), '--auth-htpasswd-encryption', 'plain',
    '--rights-type', 'owner_only', '--logging-level', 'info', '--server-max-content-length', '200000000', '--auth-delay', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    proc.stderr!.on('data', (b: Buffer) => {
      log += b.toString();
      if (/Listening on|Radicale server ready/i.test(log)) resolve();
    });
    proc.once('exit', (code) => reject(new Error(`radicale exited (${code}) before listening:\n${log}`)));
  });
  proc.stderr!.removeAllListeners('data');
  return proc;
}

export interface Radicale {
  url: string;
  user: string;
  password: string;
  // The address book the tests use: /user/contacts/
  addressBookUrl: string;
  stop(): Promise<void>;
  // Starts it again on the same port and storage (the "server restarted" case).
  start(): Promise<void>;
  // Puts a card straight onto the server, as another client would; returns its href.
  put(name: string, vcard: string, etag?: string): Promise<Response>;
  get(name: string): Promise<{ status: number; body: string; etag: string | null }>;
  remove(name: string): Promise<number>;
  list(): Promise<string[]>;
  // Why Radicale answered a PUT of `name` with 400: the reason its log gives ("Bad PUT request on …: <reason>"),
  // usually vobject's parse or validation error. Waits for that log line (it comes just before the answer).
  refusal(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startRadicale(): Promise<Radicale> {
  const { dir, user, password, port, url, auth } = await radicaleSetup('rapport-radicale-');
  let child: ChildProcess | null = null;
  // Radicale's warnings not yet asked about (a reason read is taken out), and whoever waits for one.
  let logged = '';
  const listeners = new Set<() => void>();

  const start = async () => {
    const proc = await spawnRadicale(dir, port);
    child = proc;
    let partial = '';
    proc.stderr!.on('data', (b: Buffer) => {
      const lines = (partial + b.toString()).split('\n');
      partial = lines.pop()!;
      logged += lines.filter((l) => /\[(WARNING|ERROR)\]/.test(l)).map((l) => `${l}\n`).join('');
      for (const l of listeners) l();
    });
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGTERM'); });
  };
  await start();
  const addressBookUrl = `${url}/${user}/contacts/`;
  const req = (path: string, init: RequestInit = {}) => fetch(new URL(path, addressBookUrl), { ...init, headers: { Authorization: auth, ...(init.headers as Record<string, string> | undefined) } });
  // The principal's folder and one address book, made as a phone or Thunderbird would on first use.
  await fetch(`${url}/${user}/`, { method: 'PROPFIND', headers: { Authorization: auth, Depth: '0' } });
  const made = await req('', {
    method: 'MKCOL',
    headers: { 'Content-Type': 'application/xml' },
    body: `<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype><D:displayname>Contacts</D:displayname></D:prop></D:set></D:mkcol>`,
  });
  if (made.status !== 201) throw new Error(`radicale: could not make the address book (${made.status} ${await made.text()})`);

  return {
    url, user, password, addressBookUrl, start, stop,
    put: (name, vcard, etag) => req(name, { method: 'PUT', body: vcard, headers: { 'Content-Type': 'text/vcard; charset=utf-8', ...(etag ? { 'If-Match': etag } : {}) } }),
    get: async (name) => {
      const r = await req(name);
      return { status: r.status, body: await r.text(), etag: r.headers.get('etag') };
    },
    remove: async (name) => (await req(name, { method: 'DELETE' })).status,
    list: async () => {
      const r = await req('', { method: 'PROPFIND', headers: { Depth: '1' }, body: '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>' });
      const xml = await r.text();
      return [...xml.matchAll(/<(?:\w+:)?href>([^<]+\.vcf)<\/(?:\w+:)?href>/gi)].map((m) => decodeURIComponent(m[1]!.split('/').pop()!)).sort();
    },
    refusal: (name) => new Promise<string>((resolve, reject) => {
      const re = new RegExp(`Bad PUT request on '[^']*/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}': (.*)`);
      const look = () => {
        const m = re.exec(logged);
        if (!m) return false;
        logged = logged.slice(m.index + m[0].length);
        listeners.delete(look);
        clearTimeout(timer);
        resolve(m[1]!.trim());
        return true;
      };
      const timer = setTimeout(() => { listeners.delete(look); reject(new Error(`radicale logged no reason for refusing ${name}`)); }, 10_000);
      listeners.add(look);
      look();
    }),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
