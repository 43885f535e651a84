import type { OracleProp } from './oracle.ts';

// What a card read by vobject says, property by property, in a form an export can be checked against. The
// documented normalisations of a round trip (README, "What a vCard round trip keeps") are applied here and nowhere
// else, so anything else that differs is listed as lost.
const OWN = new Set(['VERSION', 'PRODID', 'REV']);
// A label travels with its property (a TYPE, or an itemN group of Rapport's own numbering).
const LABELS = new Set(['X-ABLABEL']);

const digits = (s: string) => s.replace(/\D/g, '');

function canonical(p: OracleProp): string {
  if (p.name === 'PHOTO' && typeof p.value === 'string' && /^data:/.test(p.value)) return p.value.replace(/^data:[^,]*;base64,/, '');
  const v = p.value;
  const text = typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : JSON.stringify(v);
  switch (p.name) {
    // A tel: URI's ";ext=" becomes " ext "; separators left over from bad escaping are dropped.
    case 'TEL': return text.replace(/^tel:/i, '').replace(/;ext=/i, ' ext ').replace(/[\s;,]+$/, '').trim();
    case 'EMAIL': return text.replace(/^mailto:/i, '').trim();
    // Birthdays and dates are written in the basic or extended ISO form: the same day either way.
    // A time of day on a birthday or anniversary is dropped: the day is what comes back each year.
    case 'BDAY': case 'ANNIVERSARY': case 'X-ANNIVERSARY': case 'X-ABDATE': return digits(text).slice(0, 8);
    case 'URL': return text.replace(/\\(.)/g, '$1').trim();
    case 'N': case 'ADR': {
      // Rapport fills a missing given or family name from the display name (to sort by): only parts the card had count.
      const o = v as Record<string, unknown>;
      // A 3.0 street split on its commas, or a 2.1 street on two lines, is the same street.
      const flat = (x: unknown) => (Array.isArray(x) ? x.join(' ') : String(x ?? '')).replace(/[,\n]/g, ' ').replace(/\s+/g, ' ').trim();
      return JSON.stringify(Object.fromEntries(Object.entries(o).map(([k, x]) => [k, flat(x)])));
    }
    // Inline base64 (3.0) and a data: URI (4.0) hold the same bytes.
    case 'PHOTO': return typeof v === 'object' && v && 'base64' in v ? String((v as { base64: string }).base64) : text.replace(/^data:[^,]*;base64,/, '');
    case 'CATEGORIES': case 'NICKNAME': return text.split(',').map((s) => s.trim()).sort().join(',');
    default: return text.trim();
  }
}

export interface CardDiff { lost: string[] }

// Every property of `source` must come back in `exported` (same name, same value once normalised). Several NOTEs
// come back as one (joined by blank lines); tags come back as one CATEGORIES.
export function lostProperties(source: OracleProp[], exported: OracleProp[]): string[] {
  const have = new Map<string, number>();
  // vCard 3.0 has no ANNIVERSARY; Rapport writes X-ANNIVERSARY there.
  const nameOf = (p: OracleProp) => (p.name === 'X-ANNIVERSARY' ? 'ANNIVERSARY' : p.name);
  const key = (p: OracleProp) => `${nameOf(p)}|${canonical(p)}`;
  for (const p of exported) have.set(key(p), (have.get(key(p)) ?? 0) + 1);
  const texts = (name: string) => exported.filter((x) => nameOf(x) === name).map(canonical);
  const notes = exported.filter((p) => p.name === 'NOTE').map(canonical).join('\n');
  const categories = new Set(exported.filter((p) => p.name === 'CATEGORIES').flatMap((p) => canonical(p).split(',')));
  const nicknames = new Set(exported.filter((p) => p.name === 'NICKNAME').flatMap((p) => canonical(p).split(',')));
  const lost: string[] = [];
  for (const p of source) {
    if (OWN.has(p.name) || LABELS.has(p.name)) continue;
    if (p.name === 'NOTE' && notes.includes(canonical(p))) continue;
    if ((p.name === 'CATEGORIES' || p.name === 'NICKNAME') && canonical(p).split(',').every((c) => (p.name === 'NICKNAME' ? nicknames : categories).has(c))) continue;
    const k = key(p);
    const n = have.get(k) ?? 0;
    if (n > 0) { have.set(k, n - 1); continue; }
    if (p.name === 'N') {
      const mine = JSON.parse(canonical(p)) as Record<string, string>;
      const theirs = exported.filter((x) => x.name === 'N').map((x) => JSON.parse(canonical(x)) as Record<string, string>);
      if (theirs.some((o) => Object.entries(mine).every(([k, v]) => v === '' || o[k] === v))) continue;
    }
    // vobject reads an unescaped comma in a 3.0 text as the end of the value; the whole value came back.
    if (typeof p.value === 'string' && texts(p.name).some((t) => t.includes(canonical(p)))) continue;
    // A value that is not what its property says (an email with a comma) is kept in the notes, and reported.
    if (canonical(p).length > 3 && notes.includes(canonical(p))) continue;
    lost.push(`${p.group ? `${p.group}.` : ''}${p.name}: ${canonical(p).slice(0, 80)}`);
  }
  return lost;
}
