import ICAL from 'ical.js';
import { emptyCard, joinUnits, parseDay } from '../domain/card.ts';
import { emptyFields, clean, type ParsedFile, type ParsedRecord, type RecordFields, type RecordSink } from './import-record.ts';
import { normaliseCardLines, type NormalisedLine } from './vcard-normalise.ts';
import { splitCards } from './vcard-split.ts';

type JValue = string | number | boolean | null | JValue[];
type JParams = Record<string, string | string[]>;
type JProp = [string, JParams, string, ...JValue[]];

const IGNORED_TYPES = new Set(['internet', 'pref', 'voice', 'x400', 'msg', 'postal', 'parcel', 'dom', 'intl']);

// ical.js splits a 3.0 text value on commas ("NOTE:met at conf, very keen" → two values); only CATEGORIES and
// NICKNAME are lists, so every other value is joined back whole.
const text = (v: JValue | undefined): string => {
  if (v == null) return '';
  if (Array.isArray(v)) return v.map(text).join(',');
  // ical.js leaves "\;" escaped in single text values; Gmail escapes quotes too.
  return String(v).replace(/\\([;"])/g, '$1');
};
const whole = (values: JValue[]): string => values.map(text).join(',');
// A name part with several values ("Ada,Augusta") reads as words.
const namePart = (v: JValue | undefined): string => (Array.isArray(v) ? v.map(namePart).filter(Boolean).join(' ') : text(v));
// The value of a structured property (N, ADR, ORG) as its components.
function components(values: JValue[]): JValue[] {
  if (values.length <= 1) return Array.isArray(values[0]) ? values[0] : [values[0] ?? ''];
  // A one-component value ical.js split on its commas ("ORG:Acme, Inc.").
  return values.every((x) => !Array.isArray(x)) ? [whole(values)] : (values[0] as JValue[]);
}

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

// Properties Rapport reads into its own fields (the first of each where it keeps one); every other line of the
// card is kept verbatim. PRODID and REV describe the file, not the person: the export writes its own.
const MODELLED = new Set(['begin', 'end', 'version', 'prodid', 'rev', 'fn', 'n', 'nickname', 'email', 'tel', 'url', 'org', 'title', 'note', 'bday', 'anniversary', 'categories', 'adr', 'photo', 'x-abdate']);
const SINGLE = new Set(['fn', 'n', 'org', 'title', 'bday', 'photo', 'kind']);
const LABELLED = new Set(['email', 'tel', 'url', 'adr', 'x-abdate']);
const appleLabel = (v: string) => v.replace(/^_\$!<(.*)>!\$_$/, '$1').trim();

interface Line { group: string | null; name: string; text: string; at: number }

// The card's unfolded content lines (as normaliseCardLines gave them to ical.js), with group and name.
function contentLines(normalised: readonly NormalisedLine[]): Line[] {
  return normalised.filter((l) => l.text).map(({ text: l, at }) => {
    const head = /^([^:;]*)/.exec(l)![1]!;
    const dot = head.lastIndexOf('.');
    return { group: dot > 0 ? head.slice(0, dot).toLowerCase() : null, name: (dot > 0 ? head.slice(dot + 1) : head).toLowerCase(), text: l, at };
  });
}

// Properties read into one-line fields (NOTE, ADR and how-you-met take line breaks; LABEL and the rest are kept verbatim).
const ONE_LINE = new Set(['fn', 'n', 'nickname', 'kind', 'email', 'tel', 'url', 'org', 'title', 'role', 'categories', 'bday', 'anniversary', 'x-abdate']);
const oneLine = (name: string) => ONE_LINE.has(name) || (name.startsWith('x-rapport-') && name !== 'x-rapport-met-how');
const flat = (v: JValue): string[] => (Array.isArray(v) ? v.flatMap(flat) : [v == null ? '' : String(v)]);

// A line break in a one-line value (a quoted-printable =0D=0A in an ORG, an escaped \n in a TITLE) has no place in
// the field: the card is refused, naming the line and property, rather than stored with a CR or LF in a name.
function lineBreakIn(props: JProp[], lines: Line[], cardLine: number): string | null {
  const count = new Map<string, number>();
  for (const [name, , , ...values] of props) {
    const n = count.get(name) ?? 0;
    count.set(name, n + 1);
    if (!oneLine(name)) continue;
    const found = values.flatMap(flat).join('').match(/[\r\n]/)?.[0];
    if (found === undefined) continue;
    const at = lines.filter((l) => l.name === name)[n]?.at;
    const where = at === undefined ? '' : `line ${cardLine + at}: `;
    const code = found === '\r' ? 'U+000D' : 'U+000A';
    return `${where}${name.toUpperCase()} has a line break (${code}) in its value, which a one-line field cannot hold; fix that line and import again`;
  }
  return null;
}

function cardToFields(props: JProp[], lines: Line[], noPhotos: boolean, warnings: string[]): RecordFields {
  const f = emptyFields();
  const card = emptyCard();
  const groupLabels = new Map<string, string>();
  let nameFromN: string | null = null;
  for (const [name, params, , value] of props) {
    if (name === 'x-ablabel' && typeof params.group === 'string') groupLabels.set(params.group.toLowerCase(), appleLabel(text(value)));
  }
  const seen = new Map<string, number>();
  // Set when a property of a kind Rapport models is not used (a second ORG, a BDAY that is not a date).
  const unused = new Set<number>();
  props.forEach((prop, index) => {
    const [name, params, type, ...values] = prop;
    const nth = (seen.get(name) ?? 0) + 1;
    seen.set(name, nth);
    if (SINGLE.has(name) && nth > 1) { unused.add(index); return; }
    const v = values[0];
    switch (name) {
      case 'fn': f.name = clean(whole(values)); break;
      case 'n': {
        const parts = components(values);
        f.familyName = clean(namePart(parts[0]));
        f.givenName = clean(namePart(parts[1]));
        card.middleName = clean(namePart(parts[2]));
        card.namePrefix = clean(namePart(parts[3]));
        card.nameSuffix = clean(namePart(parts[4]));
        nameFromN = clean([parts[3], parts[1], parts[2], parts[0], parts[4]].map(namePart).filter(Boolean).join(' '));
        break;
      }
      case 'nickname': {
        const nick = clean(whole(values));
        f.nickname ??= nick;
        if (nick) card.nickname = card.nickname ? `${card.nickname},${nick}` : nick;
        break;
      }
      case 'kind': f.kind = clean(text(v))?.toLowerCase() ?? null; break;
      case 'email': {
        const address = clean(whole(values).replace(/^mailto:/i, ''));
        if (address) f.emails.push({ address, label: typeLabel(params, groupLabels) });
        break;
      }
      case 'tel': {
        // Trailing separators are escaping debris ("205246\;\;\,\;" in a Nextcloud export).
        const number = clean(telValue(type, whole(values)).replace(/[\s;,]+$/, ''));
        if (number) f.phones.push({ number, label: typeLabel(params, groupLabels) });
        break;
      }
      case 'url': {
        const url = clean(whole(values).replace(/\\(.)/g, '$1'));
        if (url) f.webLinks.push({ url, label: typeLabel(params, groupLabels) });
        break;
      }
      case 'org': {
        const parts = components(values).map(text);
        f.organisation = clean(parts[0]);
        card.organisationUnit = clean(joinUnits(parts.slice(1).filter(Boolean)));
        break;
      }
      case 'title': f.title = clean(whole(values)); break;
      case 'note': { const t = whole(values).trim(); if (t) f.notes.push(t); break; }
      case 'bday': {
        const b = clean(whole(values));
        // A 4.0 text birthday ("circa 1800") is no date: kept as the card had it.
        if (b && !/\d/.test(b)) unused.add(index);
        else f.birthday = b;
        break;
      }
      case 'anniversary':
      case 'x-abdate': {
        const day = parseDay(whole(values));
        if (!day) { unused.add(index); break; }
        const label = name === 'x-abdate' ? typeLabel(params, groupLabels) : null;
        card.dates.push({ kind: name === 'anniversary' || /^anniversary$/i.test(label ?? '') ? 'anniversary' : 'other', label: name === 'anniversary' ? null : label, ...day });
        break;
      }
      // Some writers escape the commas between categories, making one value of several.
      case 'categories': for (const c of values.flatMap((x) => text(x).split(','))) { const tag = clean(c); if (tag) f.tags.push(tag); } break;
      case 'adr': {
        const p = components(values).map(text).map((x) => clean(x.replace(/\\n|\n/g, ', ')));
        if (!p.some(Boolean)) break;
        card.addresses.push({ label: typeLabel(params, groupLabels), poBox: p[0] ?? null, extended: p[1] ?? null, street: p[2] ?? null, locality: p[3] ?? null, region: p[4] ?? null, postcode: p[5] ?? null, country: p[6] ?? null });
        f.location ??= clean([p[3], p[4], p[6]].filter(Boolean).join(', ')) ?? p[2] ?? null;
        break;
      }
      case 'photo': {
        const { photo, warning } = photoOf(prop, noPhotos);
        f.photo = photo;
        // A link to a picture is not the picture, but it is kept as the card had it.
        if (!photo && !noPhotos) unused.add(index);
        if (warning && !/is a link/.test(warning)) warnings.push(warning);
        break;
      }
      case 'x-rapport-networks': f.networks.push(...values.flatMap((x) => text(x).split(',')).map((n) => n.trim()).filter(Boolean)); break;
      case 'x-rapport-connection-type': f.connectionType = clean(whole(values)); break;
      case 'x-rapport-met-how': f.metHow = clean(whole(values)); break;
      case 'x-rapport-met-where': f.metWhere = clean(whole(values)); break;
      case 'x-rapport-industry': f.industry = clean(whole(values)); break;
      case 'x-rapport-cadence-days': f.cadenceDays = clean(whole(values)); break;
      case 'x-rapport-archived': f.archived = /^(1|true|yes)$/i.test(whole(values).trim()); break;
      case 'x-rapport-snoozed-until': f.snoozedUntil = clean(whole(values)); break;
      default: break;
    }
  });
  f.name ??= nameFromN;
  // A title-less card may still say what the person does.
  const role = props.findIndex((p) => p[0] === 'role');
  if (!f.title && role >= 0) { f.title = clean(whole(props[role]!.slice(3) as JValue[])); unused.delete(role); }
  else if (role >= 0) unused.add(role);
  card.properties = keptLines(props, lines, unused);
  f.card = card;
  return f;
}

// Lines of properties Rapport does not model (or did not use), verbatim. An X-ABLabel stays unless the labelled
// property is modelled (its label then travels with that property).
function keptLines(props: JProp[], lines: Line[], unused: Set<number>): string[] {
  const modelledGroups = new Set<string>();
  props.forEach(([name, params], i) => { if (LABELLED.has(name) && !unused.has(i) && typeof params.group === 'string') modelledGroups.add(params.group.toLowerCase()); });
  // ical.js gives the props in the order of the lines; count each name's occurrences to pair them up.
  const nthProp = new Map<string, number[]>();
  props.forEach(([name], i) => (nthProp.get(name) ?? nthProp.set(name, []).get(name)!).push(i));
  const count = new Map<string, number>();
  const out: string[] = [];
  for (const l of lines) {
    const n = count.get(l.name) ?? 0;
    count.set(l.name, n + 1);
    if (l.name === 'begin' || l.name === 'end' || l.name === 'version') continue;
    if (l.name === 'x-ablabel') { if (!l.group || !modelledGroups.has(l.group)) out.push(l.text); continue; }
    const index = nthProp.get(l.name)?.[n];
    const modelled = MODELLED.has(l.name) || l.name.startsWith('x-rapport-') || l.name === 'role';
    if (!modelled || (index !== undefined && unused.has(index))) out.push(l.text);
  }
  return out;
}

export function parseVcardFile(text: string, file: string, options: { noPhotos?: boolean }, sink: RecordSink): ParsedFile {
  const { cards, warnings } = splitCards(text, file);
  const out: ParsedFile = { format: 'vcard', blankLines: [], rejected: [], warnings, header: null };
  for (const card of cards) {
    const raw = card.lines.join('\n');
    let props: JProp[];
    let normalised: NormalisedLine[];
    try {
      normalised = normaliseCardLines(card.lines);
      const jcard = ICAL.parse(normalised.map((l) => l.text).join('\r\n') + '\r\n') as unknown as ['vcard', JProp[], unknown[]];
      props = jcard[1];
    } catch (e) {
      out.rejected.push({ line: card.line, reason: `not a readable vCard: ${e instanceof Error ? e.message : String(e)}`, raw });
      continue;
    }
    const lines = contentLines(normalised);
    const broken = lineBreakIn(props, lines, card.line);
    if (broken) {
      out.rejected.push({ line: card.line, reason: `${file} ${broken}`, raw });
      continue;
    }
    const recordWarnings: string[] = [];
    const fields = cardToFields(props, lines, options.noPhotos ?? false, recordWarnings);
    const record: ParsedRecord = { line: card.line, raw, fields, interactions: [], error: null, warnings: recordWarnings };
    sink(record);
  }
  return out;
}
