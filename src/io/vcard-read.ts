import ICAL from 'ical.js';
import { emptyFields, clean, type ParsedFile, type ParsedRecord, type RecordFields, type RecordSink } from './import-record.ts';
import { normaliseCard } from './vcard-normalise.ts';
import { splitCards } from './vcard-split.ts';

type JValue = string | number | boolean | null | JValue[];
type JParams = Record<string, string | string[]>;
type JProp = [string, JParams, string, ...JValue[]];

const IGNORED_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'msg', 'postal', 'parcel', 'dom', 'intl']);

const text = (v: JValue | undefined): string => {
  if (v == null) return '';
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join(' ');
  // ical.js leaves "\;" escaped in single text values; Gmail escapes quotes too.
  return String(v).replace(/\\([;"])/g, '$1');
};

const first = (v: JValue | undefined): string => (Array.isArray(v) ? text(v[0]) : text(v));

function typeLabel(params: JParams, groupLabels: Map<string, string>): string | null {
  const group = typeof params.group === 'string' ? groupLabels.get(params.group.toLowerCase()) : undefined;
  if (group) return group;
  const types = ([] as string[]).concat(params.type ?? []).flatMap((t) => t.split(','));
  const useful = types.map((t) => t.trim().toLowerCase()).filter((t) => t && !IGNORED_TYPES.has(t) && !t.startsWith('x-'));
  if (useful.length === 0) return null;
  return useful.map((t) => (t === 'cell' ? 'mobile' : t)).join(' ').slice(0, 40);
}

const MIME: Record<string, string> = { jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp' };
const isBase64 = (s: string) => s.length > 0 && s.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(s);

// A photo is kept byte for byte as a data URI, or dropped with a reason; never half-kept.
function photoOf(prop: JProp, noPhotos: boolean): { photo: string | null; warning: string | null } {
  if (noPhotos) return { photo: null, warning: null };
  const [, params, type, value] = prop;
  const raw = String(value ?? '').trim();
  if (type === 'binary' || /^b(ase64)?$/i.test(String(params.encoding ?? ''))) {
    const data = raw.replace(/\s+/g, '');
    const kind = String(([] as string[]).concat(params.type ?? ['jpeg'])[0]).toLowerCase();
    const mime = kind.includes('/') ? kind : MIME[kind] ?? 'image/jpeg';
    return isBase64(data) ? { photo: `data:${mime};base64,${data}`, warning: null } : { photo: null, warning: 'photo dropped: its base64 data is damaged' };
  }
  const dataUri = /^data:([\w.+-]+\/[\w.+-]+)?;base64,(.*)$/s.exec(raw);
  if (dataUri) {
    const data = dataUri[2]!.replace(/\s+/g, '');
    return isBase64(data) ? { photo: `data:${dataUri[1] ?? 'image/jpeg'};base64,${data}`, warning: null } : { photo: null, warning: 'photo dropped: its base64 data is damaged' };
  }
  return { photo: null, warning: `photo not kept: it is a link (${raw.slice(0, 60)}), not the picture` };
}

const telValue = (type: string, v: string): string => {
  if (type !== 'uri' && !/^tel:/i.test(v)) return v;
  const [number = '', ...params] = v.replace(/^tel:/i, '').split(';');
  const ext = params.find((p) => /^ext=/i.test(p));
  return ext ? `${number} ext ${ext.slice(4)}` : number;
};

function cardToFields(props: JProp[], noPhotos: boolean, warnings: string[]): RecordFields {
  const f = emptyFields();
  const groupLabels = new Map<string, string>();
  let nameFromN: string | null = null;
  for (const [name, params, , value] of props) {
    if (name === 'x-ablabel' && typeof params.group === 'string') {
      groupLabels.set(params.group.toLowerCase(), text(value).replace(/^_\$!<(.*)>!\$_$/, '$1').trim());
    }
  }
  for (const prop of props) {
    const [name, params, type, ...values] = prop;
    const v = values[0];
    switch (name) {
      case 'fn': f.name ??= clean(text(v)); break;
      case 'n': {
        const parts = Array.isArray(v) ? v : [v ?? ''];
        f.familyName ??= clean(text(parts[0]));
        f.givenName ??= clean(text(parts[1]));
        nameFromN ??= clean([parts[3], parts[1], parts[2], parts[0], parts[4]].map((p) => text(p)).filter(Boolean).join(' '));
        break;
      }
      case 'nickname': f.nickname ??= clean(text(v)); break;
      case 'email': {
        const address = clean(text(v).replace(/^mailto:/i, ''));
        if (address) f.emails.push({ address, label: typeLabel(params, groupLabels) });
        break;
      }
      case 'tel': {
        // Trailing separators are escaping debris ("205246\;\;\,\;" in a Nextcloud export).
        const number = clean(telValue(type, text(v)).replace(/[\s;,]+$/, ''));
        if (number) f.phones.push({ number, label: typeLabel(params, groupLabels) });
        break;
      }
      case 'url': {
        const url = clean(text(v).replace(/\\(.)/g, '$1'));
        if (url) f.webLinks.push({ url, label: typeLabel(params, groupLabels) });
        break;
      }
      case 'org': f.organisation ??= clean(first(v)); break;
      case 'title': f.title ??= clean(text(v)); break;
      case 'role': break;
      case 'note': { const t = text(v).trim(); if (t) f.notes.push(t); break; }
      case 'bday': f.birthday ??= clean(text(v)); break;
      // Some writers escape the commas between categories, making one value of several.
      case 'categories': for (const c of values.flatMap((x) => text(x).split(','))) { const tag = clean(c); if (tag) f.tags.push(tag); } break;
      case 'adr': {
        if (f.location) break;
        const parts = Array.isArray(v) ? v.map((p) => text(p)) : [text(v)];
        f.location = clean([parts[3], parts[4], parts[6]].filter(Boolean).join(', ')) ?? clean(parts[2]?.replace(/\\n|\n/g, ', '));
        break;
      }
      case 'photo': {
        if (f.photo) break;
        const { photo, warning } = photoOf(prop, noPhotos);
        f.photo = photo;
        if (warning) warnings.push(warning);
        break;
      }
      case 'x-rapport-networks': f.networks.push(...values.flatMap((x) => text(x).split(',')).map((n) => n.trim()).filter(Boolean)); break;
      case 'x-rapport-connection-type': f.connectionType = clean(text(v)); break;
      case 'x-rapport-met-how': f.metHow = clean(text(v)); break;
      case 'x-rapport-met-where': f.metWhere = clean(text(v)); break;
      case 'x-rapport-industry': f.industry = clean(text(v)); break;
      case 'x-rapport-cadence-days': f.cadenceDays = clean(text(v)); break;
      default: break;
    }
  }
  f.name ??= nameFromN;
  // A title-less card may still say what the person does.
  if (!f.title) f.title = clean(text(props.find((p) => p[0] === 'role')?.[3]));
  return f;
}

export function parseVcardFile(text: string, file: string, options: { noPhotos?: boolean }, sink: RecordSink): ParsedFile {
  const { cards, warnings } = splitCards(text, file);
  const out: ParsedFile = { format: 'vcard', blankLines: [], rejected: [], warnings, header: null };
  for (const card of cards) {
    const raw = card.lines.join('\n');
    let props: JProp[];
    try {
      const jcard = ICAL.parse(normaliseCard(card.lines)) as unknown as ['vcard', JProp[], unknown[]];
      props = jcard[1];
    } catch (e) {
      out.rejected.push({ line: card.line, reason: `not a readable vCard: ${e instanceof Error ? e.message : String(e)}`, raw });
      continue;
    }
    const recordWarnings: string[] = [];
    const fields = cardToFields(props, options.noPhotos ?? false, recordWarnings);
    const record: ParsedRecord = { line: card.line, raw, fields, interactions: [], error: null, warnings: recordWarnings };
    sink(record);
  }
  return out;
}
