import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's python3-vobject and python3-icalendar, run as /usr/bin/python3 (not a pyenv python on PATH), parse what
// Rapport writes: an outside reader, not our own. CI installs them (.ci/run) and must have them.
const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('../oracles/vobject_dump.py', import.meta.url).pathname;

function has(module: string): boolean {
  return spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

export const oracleAvailable = has('vobject') && has('icalendar');
if (!oracleAvailable && process.env.CI) {
  throw new Error(`python3-vobject and python3-icalendar are not importable by ${PYTHON}; CI requires them (apt-get install -y python3-vobject python3-icalendar)`);
}

export interface OracleProp { name: string; group: string | null; params: Record<string, string[]>; value: unknown }
// rrule as written ("FREQ=YEARLY"); each alarm's trigger as Python prints the decoded timedelta ("-1 day, 9:00:00").
export interface OracleEvent { uid: string; sequence: number; summary: string; dtstart: string; dtstamp: string; rrule: string | null; alarms: { action: string; trigger: string }[] }

function run(kind: 'vcard' | 'vcard-lenient' | 'ics', text: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-oracle-'));
  try {
    const file = join(dir, kind === 'ics' ? 'calendar.ics' : 'cards.vcf');
    writeFileSync(file, text);
    return JSON.parse(execFileSync(PYTHON, [SCRIPT, kind, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const vobjectCards = (text: string) => run('vcard', text) as OracleProp[][];
// A card as its client wrote it that vobject (and so Radicale) refuses: read with quoted-printable soft line breaks
// allowed and a value that does not decode left as written (see vobject_dump.py). For the source side only.
export const vobjectCardsLenient = (text: string) => run('vcard-lenient', text) as OracleProp[][];
export const icalendarEvents = (text: string) => run('ics', text) as OracleEvent[];
