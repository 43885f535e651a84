import { z } from 'zod';
import { DATE_KINDS } from '../domain/card.ts';
import { addDays, toIsoDay } from '../domain/dates.ts';
import { RapportError } from '../domain/errors.ts';
import { lineText } from '../domain/limits.ts';
import {
  checkImportantDate, importantDateFields, importantDateSchema, occasionPhrase, occasionSubject, upcoming, type ImportantDate, type UpcomingDate,
} from '../domain/important-dates.ts';
import { contactDates, datesInMonths, deleteDate, findDate, insertDate, updateDate } from '../store/repositories/important-dates.repository.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import type { Store } from '../store/store.ts';
import { composeDrafts, composeSchema } from './drafts.service.ts';
import { defineOperation, idParam, parseInput, type ServiceContext } from './operation.ts';
import { assertIdsExist, flagParam } from './support/params.ts';

export const importantDateOutput = z.object({
  id: z.number().int().nullable(), contactId: z.number().int(), kind: z.enum(DATE_KINDS), label: z.string().nullable(),
  yearly: z.boolean(), year: z.number().int().nullable(), month: z.number().int(), day: z.number().int(),
});
// `values` are the template fields the draft was composed with, so a composer can open the same draft to edit.
const draftOutput = z.object({ subject: z.string(), text: z.string(), template: z.string(), values: z.record(z.string(), z.string()) });
export const upcomingDateOutput = z.object({
  contactId: z.number().int(), contactName: z.string(), dateId: z.number().int().nullable(), kind: z.enum(DATE_KINDS), label: z.string().nullable(),
  on: z.string(), daysAway: z.number().int(), years: z.number().int().nullable(),
});

export const upcomingDateWithDraftOutput = upcomingDateOutput.extend({ draft: draftOutput.nullable() });

async function existingDate(store: Store, id: number): Promise<ImportantDate> {
  const found = await findDate(store, id);
  if (!found) throw new RapportError('not_found', `id: no important date with id ${id} (a birthday is changed on the contact: rapport edit <contact> --birthday)`, { problems: [{ path: 'id', message: 'no such date', value: id }] });
  return found;
}

export const dateList = defineOperation({
  name: 'dates.list',
  summary: "A contact's important dates: the birthday (kept on the contact, id null) and every other yearly or one-off date",
  effect: 'read',
  input: z.object({ contactId: idParam }),
  output: z.array(importantDateOutput),
  http: { method: 'get', path: '/contacts/{contactId}/dates' },
  run: async ({ store }, { contactId }) => {
    await assertIdsExist(store, 'contacts', [contactId], 'contactId');
    return contactDates(store, contactId);
  },
});

export const dateAdd = defineOperation({
  name: 'dates.add',
  summary: 'Add an important date to a contact: yearly (year optional) or once (year required); February 29 falls on the 28th in other years',
  effect: 'write',
  input: z.object({ contactId: idParam, ...importantDateFields }).superRefine(checkImportantDate),
  output: importantDateOutput,
  http: { method: 'post', path: '/contacts/{contactId}/dates' },
  run: async ({ store }, { contactId, ...date }) => {
    await assertIdsExist(store, 'contacts', [contactId], 'contactId');
    const id = await insertDate(store, contactId, date);
    return { id, contactId, ...date };
  },
});

// Fields left out keep their value; the result is checked as a whole, so changing the month to 2 on the 30th fails.
export const dateUpdate = defineOperation({
  name: 'dates.update',
  summary: 'Change an important date; fields left out keep their value',
  effect: 'write',
  input: z.object({
    id: idParam, kind: importantDateFields.kind.unwrap().optional(), label: lineText(60).nullable().optional().transform((v) => (v === '' ? null : v)), yearly: z.boolean().optional(),
    year: z.number().int().min(1).max(9999).nullable().optional(), month: importantDateFields.month.optional(), day: importantDateFields.day.optional(),
  }),
  output: importantDateOutput,
  http: { method: 'patch', path: '/dates/{id}' },
  run: async ({ store }, { id, ...patch }) => {
    const before = await existingDate(store, id);
    const merged = Object.fromEntries(Object.entries({ ...before, ...patch }).filter(([, v]) => v !== undefined));
    const parsed = importantDateSchema.safeParse(merged);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String).join('.') || '(input)';
      throw new RapportError('invalid', `dates.update: ${path}: ${issue.message}`, { problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) });
    }
    await updateDate(store, id, parsed.data);
    return { id, contactId: before.contactId, ...parsed.data };
  },
});

export const dateRemove = defineOperation({
  name: 'dates.remove',
  summary: 'Remove an important date',
  effect: 'write',
  input: z.object({ id: idParam }),
  output: z.object({ removed: importantDateOutput }),
  http: { method: 'delete', path: '/dates/{id}' },
  run: async ({ store }, { id }) => {
    const before = await existingDate(store, id);
    await deleteDate(store, id);
    return { removed: before };
  },
});

// The months a window from `from` spans (at most 60 days: two or three months).
function monthsSpanned(from: string, days: number): number[] {
  const months = new Set<number>();
  for (let i = 0; i <= days; i += 1) months.add(Number(addDays(from, i).slice(5, 7)));
  return [...months];
}

export async function upcomingDates(store: Store, from: string, days: number): Promise<UpcomingDate[]> {
  return upcoming(await datesInMonths(store, monthsSpanned(from, days)), from, days);
}

export interface UpcomingWithDraft extends UpcomingDate {
  draft: { subject: string; text: string; template: string; values: Record<string, string> } | null;
}

// Each date with a ready note for the occasion (the 'occasion' template, or your own edit of it), composed in one batch.
export async function upcomingWithDrafts(ctx: ServiceContext, items: readonly UpcomingDate[]): Promise<UpcomingWithDraft[]> {
  const values = items.map((d) => ({ occasion: occasionSubject(d), occasionPhrase: occasionPhrase(d) }));
  const inputs = items.map((d, i) => parseInput(composeSchema, { contactId: d.contactId, template: 'occasion', values: values[i] }));
  // Shown without findings, so not linted.
  const drafts = await composeDrafts(ctx, inputs, { lint: false });
  return items.map((d, i) => ({ ...d, draft: { subject: drafts[i]!.subject, text: drafts[i]!.text, template: drafts[i]!.template, values: values[i]! } }));
}

export const datesUpcoming = defineOperation({
  name: 'dates.upcoming',
  summary: 'Birthdays, anniversaries and other dates coming up in the next days (the datesAheadDays setting unless told), soonest first',
  effect: 'read',
  input: z.object({ days: z.coerce.number().int().min(0).max(60).optional(), drafts: flagParam.default(false) }),
  output: z.object({ from: z.string(), days: z.number().int(), items: z.array(upcomingDateWithDraftOutput.extend({ draft: draftOutput.nullable().optional() })) }),
  http: { method: 'get', path: '/dates/upcoming' },
  run: async (ctx, { days, drafts }) => {
    const from = toIsoDay(ctx.clock.now());
    const ahead = days ?? (await loadSettings(ctx.store)).datesAheadDays;
    const items = await upcomingDates(ctx.store, from, ahead);
    return { from, days: ahead, items: drafts ? await upcomingWithDrafts(ctx, items) : items };
  },
});
