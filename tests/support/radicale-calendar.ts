import { rmSync } from 'node:fs';
import { radicaleAvailable, radicaleSetup, spawnRadicale } from './radicale.ts';

// Debian's radicale run as /usr/bin/python3 on a loopback port with htpasswd logins and a temporary storage folder,
// holding one calendar: the real CalDAV server the calendar-capture tests and benchmark talk to.
export { radicaleAvailable };
export interface RadicaleCalendar {
  url: string;
  user: string;
  password: string;
  calendarUrl: string;
  // The server's process, for the benchmark to read the CPU time it used (/proc/PID/stat).
  pid: number;
  // Puts an event straight onto the server, as another calendar app would.
  put(name: string, ics: string): Promise<void>;
  remove(name: string): Promise<void>;
  // Replaces the whole calendar with these events in one request (Radicale splits it by UID): a fast setup.
  putAll(ics: string): Promise<void>;
  close(): Promise<void>;
}

export async function startRadicaleCalendar(): Promise<RadicaleCalendar> {
  const { dir, user, password, port, url, auth } = await radicaleSetup('rapport-radicale-cal-');
  const proc = await spawnRadicale(dir, port);
  proc.stderr!.resume();

  const calendarUrl = `${url}/${user}/work/`;
  const req = (path: string, init: RequestInit = {}) => fetch(new URL(path, calendarUrl), { ...init, headers: { Authorization: auth, ...(init.headers as Record<string, string> | undefined) } });
  await fetch(`${url}/${user}/`, { method: 'PROPFIND', headers: { Authorization: auth, Depth: '0' } });
  const made = await req('', {
    method: 'MKCALENDAR',
    headers: { 'Content-Type': 'application/xml' },
    body: '<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Work</D:displayname>'
      + '<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>',
  });
  if (made.status !== 201) throw new Error(`radicale: could not make the calendar (${made.status} ${await made.text()})`);

  return {
    url, user, password, calendarUrl, pid: proc.pid!,
    put: async (name, ics) => {
      const r = await req(name, { method: 'PUT', body: ics, headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
      if (r.status >= 300) throw new Error(`radicale refused ${name}: ${r.status} ${await r.text()}`);
    },
    putAll: async (ics) => {
      const r = await req('', { method: 'PUT', body: ics, headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
      if (r.status >= 300) throw new Error(`radicale refused the calendar: ${r.status} ${await r.text()}`);
    },
    remove: async (name) => {
      const r = await req(name, { method: 'DELETE' });
      if (r.status >= 300) throw new Error(`radicale could not delete ${name}: ${r.status}`);
    },
    close: async () => {
      if (proc.exitCode === null) await new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGTERM'); });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
