import { z } from 'zod';

// What a vCard holds beyond Rapport's own fields, so an import and an export give back the card it read.
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullish().transform((v) => (v === '' || v == null ? null : v));

export const addressSchema = z.object({
  label: text(40), poBox: text(100), extended: text(200), street: text(300), locality: text(100), region: text(100), postcode: text(30), country: text(100),
});
export type Address = z.output<typeof addressSchema>;

export const DATE_KINDS = ['birthday', 'anniversary', 'other'] as const;
export type DateKind = (typeof DATE_KINDS)[number];

// A day that comes back every year; the year is optional ("--06-15"), as many people do not give it.
export const contactDateSchema = z.object({
  kind: z.enum(DATE_KINDS),
  label: text(60),
  year: z.number().int().min(1).max(9999).nullish().transform((v) => v ?? null),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
}).refine((d) => d.day <= new Date(Date.UTC(d.year ?? 2000, d.month, 0)).getUTCDate(), { error: 'not a day of that month', path: ['day'] });
export type ContactDate = z.output<typeof contactDateSchema>;

export const cardSchema = z.object({
  nickname: text(100),
  namePrefix: text(50),
  middleName: text(100),
  nameSuffix: text(50),
  organisationUnit: text(200),
  addresses: z.array(addressSchema).max(50).default([]),
  dates: z.array(contactDateSchema).max(50).default([]),
  // Unfolded vCard content lines Rapport does not model, with their group and parameters, re-emitted on export.
  properties: z.array(z.string().max(2_000_000)).max(500).default([]),
});
export type ContactCard = z.output<typeof cardSchema>;

export const emptyCard = (): ContactCard => ({ nickname: null, namePrefix: null, middleName: null, nameSuffix: null, organisationUnit: null, addresses: [], dates: [], properties: [] });

export const isEmptyCard = (c: ContactCard | undefined): boolean =>
  !c || (!c.nickname && !c.namePrefix && !c.middleName && !c.nameSuffix && !c.organisationUnit && !c.addresses.length && !c.dates.length && !c.properties.length);

// "1969-06-15" or "--06-15" (vCard 4.0 and 3.0's forms, also "19690615").
export function parseDay(value: string): { year: number | null; month: number; day: number } | null {
  const m = /^(?:(\d{4})-?|--)(\d{2})-?(\d{2})(?:T.*)?$/.exec(value.trim());
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : null, month = Number(m[2]), day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}

export const formatDay = (d: { year: number | null; month: number; day: number }): string =>
  `${d.year === null ? '-' : String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export const addressLine = (a: Address): string =>
  [a.poBox, a.extended, a.street, [a.postcode, a.locality].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');

// Organisation units are kept as one text, joined by ";" with any ";" inside a unit escaped, so "Research; Development"
// stays one unit through a round trip.
export const joinUnits = (units: readonly string[]): string => units.map((u) => u.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join(';');
export const splitUnits = (joined: string): string[] => joined.split(/(?<!\\);/).map((u) => u.replace(/\\;/g, ';').replace(/\\\\/g, '\\'));
