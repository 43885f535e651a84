import { z } from 'zod';
import { DATE_KINDS } from '../../domain/card.ts';
import { count, day, id, instant, network, out } from './common.ts';

const label = z.string().nullable();

const addressOutput = out({
  label, poBox: label, extended: label, street: label, locality: label, region: label, postcode: label, country: label,
});

const contactDateOutput = out({ kind: z.enum(DATE_KINDS), label, year: z.number().int().nullable(), month: z.number().int(), day: z.number().int() });

export const contactCardOutput = out({
  nickname: label, namePrefix: label, middleName: label, nameSuffix: label, organisationUnit: label,
  addresses: z.array(addressOutput),
  dates: z.array(contactDateOutput),
  properties: z.array(z.string()),
}).meta({ id: 'ContactCard' });

export const contactOutput = out({
  id,
  name: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  emails: z.array(out({ address: z.string(), label })),
  phones: z.array(out({ number: z.string(), label })),
  organisationId: id.nullable(),
  organisation: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  webLinks: z.array(out({ url: z.string(), label })),
  // "1969-06-15", or "--06-15" without the year.
  birthday: z.string().nullable(),
  metHow: z.string().nullable(),
  metWhere: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  networks: z.array(network),
  connectionType: z.string().nullable(),
  insideOrganisation: z.boolean().nullable(),
  industry: z.string().nullable(),
  cadenceDays: z.number().int().nullable(),
  effectiveCadenceDays: z.number().int(),
  lastInteractionAt: instant.nullable(),
  nextDueOn: day.nullable(),
  sortedAt: instant.nullable(),
  snoozedUntil: day.nullable(),
  archived: z.boolean(),
  hasPhoto: z.boolean(),
  card: contactCardOutput.optional(),
  createdAt: instant,
  updatedAt: instant,
}).meta({ id: 'Contact' });

export const contactWriteOutput = out({ contact: contactOutput, warnings: z.array(z.string()) });

export const contactSummaryOutput = out({
  id,
  name: z.string(),
  organisation: z.string().nullable(),
  title: z.string().nullable(),
  networks: z.array(network),
  connectionType: z.string().nullable(),
  insideOrganisation: z.boolean().nullable(),
  lastInteractionAt: instant.nullable(),
  nextDueOn: day.nullable(),
  unsorted: z.boolean(),
  archived: z.boolean(),
}).meta({ id: 'ContactSummary' });

export const contactMergeOutput = out({ contact: contactOutput, merged: out({ id, name: z.string() }), filled: z.array(z.string()) });

export const contactSnoozeOutput = out({ snoozedUntil: day, contacts: count });
