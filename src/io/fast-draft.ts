import { z } from 'zod';
import type { ContactDraft } from '../domain/contact.ts';
import { isValidIsoDay } from '../domain/dates.ts';
import { NETWORKS, type Network } from '../domain/networks.ts';

// contactInputSchema decides what a contact is. Run 30,000 times it allocates enough to make the garbage
// collector the slowest part of an import, so rows whose every value is plainly fine (the usual LinkedIn or
// vCard row) are checked here with the same rules; anything less plain returns null and goes to zod.
// fast-draft.test.ts holds the two equal on every row both accept.

type Loose = Record<string, unknown>;
const MISS = Symbol('not plain');

function text(value: unknown, max: number): string | null | typeof MISS {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return MISS;
  const v = value.trim();
  if (v.length > max) return MISS;
  return v === '' ? null : v;
}

const EMAIL = z.regexes.email;
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/i;
const NETWORK_SET = new Set<string>(NETWORKS);

function label(value: unknown): string | null | typeof MISS {
  return text(value, 40);
}

function entries<K extends 'address' | 'url'>(list: unknown, key: K, check: (v: string) => string | null): ({ [P in K]: string } & { label: string | null })[] | typeof MISS {
  if (!Array.isArray(list)) return MISS;
  const out: ({ [P in K]: string } & { label: string | null })[] = [];
  for (const e of list) {
    if (typeof e !== 'object' || e === null) return MISS;
    const raw = (e as Loose)[key];
    if (typeof raw !== 'string') return MISS;
    const value = check(raw);
    const l = label((e as Loose).label);
    if (value === null || l === MISS) return MISS;
    out.push({ [key]: value, label: l } as { [P in K]: string } & { label: string | null });
  }
  return out;
}

const email = (raw: string): string | null => {
  const v = raw.trim();
  EMAIL.lastIndex = 0;
  return EMAIL.test(v) ? v : null;
};

// webUrlSchema: a scheme is added when missing; then only plain http(s) URLs are taken here.
// A host of plain labels ending in an alphabetic top-level domain, no port and no punycode: nothing the URL parser
// could refuse (it refuses ports above 65535, hosts ending in a number that is no IPv4 address, bad punycode).
const PLAIN_HOST_URL = /^https?:\/\/(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}(?:\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$/;
const PUNYCODE = /[/.]xn--/i;

const url = (raw: string): string | null => {
  const trimmed = raw.trim();
  const v = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!PLAIN_URL.test(v)) return null;
  if (PLAIN_HOST_URL.test(v) && !PUNYCODE.test(v.slice(0, v.indexOf('/', 8) >>> 0))) return v;
  try {
    const parsed = new URL(v);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? v : null;
  } catch {
    return null;
  }
};

function tags(list: unknown): string[] | typeof MISS {
  if (!Array.isArray(list)) return MISS;
  const out: string[] = [];
  for (const t of list) {
    if (typeof t !== 'string') return MISS;
    const v = t.trim();
    if (v.length < 1 || v.length > 40 || !/^[^,\s][^,]*$/.test(v)) return MISS;
    out.push(v);
  }
  return out;
}

export function fastDraft(input: Loose): ContactDraft | null {
  if (typeof input.name !== 'string') return null;
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) return null;
  if (input.photo != null || input.cadenceDays != null || input.insideOrganisation != null) return null;
  let connectionType: string | null = null;
  if (input.connectionType != null) {
    if (typeof input.connectionType !== 'string') return null;
    connectionType = input.connectionType.trim().toLowerCase();
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(connectionType)) return null;
  }
  if (Array.isArray(input.phones) ? input.phones.length > 0 : input.phones != null) return null;
  // The card's parts are zod's to check (validateRecord adds them after this path anyway).
  if (input.card != null) return null;
  let birthday: string | null = null;
  if (input.birthday != null) {
    if (typeof input.birthday !== 'string') return null;
    const b = input.birthday.trim();
    if (!isValidIsoDay(b)) return null;
    birthday = b;
  }
  const texts = {
    givenName: text(input.givenName, 100), familyName: text(input.familyName, 100), organisation: text(input.organisation, 200),
    title: text(input.title, 200), location: text(input.location, 200), metHow: text(input.metHow, 500), metWhere: text(input.metWhere, 200),
    notes: text(input.notes, 20_000), industry: text(input.industry, 100),
  };
  if (Object.values(texts).includes(MISS)) return null;
  const emails = entries(input.emails ?? [], 'address', email);
  const webLinks = entries(input.webLinks ?? [], 'url', url);
  const tagList = tags(input.tags ?? []);
  const networks = input.networks ?? [];
  if (emails === MISS || webLinks === MISS || tagList === MISS || !Array.isArray(networks) || !networks.every((n) => NETWORK_SET.has(n as string))) return null;
  const t = texts as { [K in keyof typeof texts]: string | null };
  return {
    name, givenName: t.givenName, familyName: t.familyName, emails, phones: [], organisation: t.organisation, title: t.title,
    location: t.location, webLinks, birthday, metHow: t.metHow, metWhere: t.metWhere, notes: t.notes, tags: tagList,
    networks: networks as Network[], connectionType, insideOrganisation: null, industry: t.industry, cadenceDays: null, photo: null,
  };
}
