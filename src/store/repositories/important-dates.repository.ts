import type { DateKind } from '../../domain/card.ts';
import { birthdayDate, type ImportantDate, type ImportantDateInput } from '../../domain/important-dates.ts';
import type { Store } from '../store.ts';

type DateRow = { id: number; contact_id: number; kind: string; label: string | null; year: number | null; month: number; day: number; yearly: number };

const fromRow = (r: DateRow): ImportantDate => ({
  id: r.id, contactId: r.contact_id, kind: r.kind as DateKind, label: r.label, yearly: r.yearly !== 0, year: r.year, month: r.month, day: r.day,
});

// A contact's dates: the birthday kept on the contact first, then the others in the order they were added.
export async function contactDates(store: Store, contactId: number): Promise<ImportantDate[]> {
  const [contact, rows] = await Promise.all([
    store.db.selectFrom('contacts').select('birthday').where('id', '=', contactId).where('workspace_id', '=', store.workspaceId).executeTakeFirst(),
    store.db.selectFrom('contact_dates').select(['id', 'contact_id', 'kind', 'label', 'year', 'month', 'day', 'yearly'])
      .where('contact_id', '=', contactId).where('workspace_id', '=', store.workspaceId).orderBy('position').orderBy('id').execute(),
  ]);
  const birthday = birthdayDate(contactId, contact?.birthday ?? null);
  return [...(birthday ? [birthday] : []), ...rows.map(fromRow)];
}

export async function findDate(store: Store, id: number): Promise<ImportantDate | undefined> {
  const row = await store.db.selectFrom('contact_dates').select(['id', 'contact_id', 'kind', 'label', 'year', 'month', 'day', 'yearly'])
    .where('id', '=', id).where('workspace_id', '=', store.workspaceId).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

const columns = (d: ImportantDateInput) => ({ kind: d.kind, label: d.label, year: d.year, month: d.month, day: d.day, yearly: d.yearly ? 1 : 0 });

export async function insertDate(store: Store, contactId: number, d: ImportantDateInput): Promise<number> {
  const last = await store.db.selectFrom('contact_dates').select((eb) => eb.fn.max('position').as('p')).where('contact_id', '=', contactId).executeTakeFirst();
  const row = await store.db.insertInto('contact_dates')
    .values({ workspace_id: store.workspaceId, contact_id: contactId, position: Number(last?.p ?? -1) + 1, ...columns(d) })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDate(store: Store, id: number, d: ImportantDateInput): Promise<void> {
  await store.db.updateTable('contact_dates').set(columns(d)).where('id', '=', id).where('workspace_id', '=', store.workspaceId).execute();
}

export async function deleteDate(store: Store, id: number): Promise<void> {
  await store.db.deleteFrom('contact_dates').where('id', '=', id).where('workspace_id', '=', store.workspaceId).execute();
}

// Every date that could fall in the months `months` (1-12) for contacts not archived, with their names: birthdays
// from the contact row, the rest from contact_dates (by its month index).
export async function datesInMonths(store: Store, months: readonly number[]): Promise<(ImportantDate & { contactName: string })[]> {
  const [birthdays, rows] = await Promise.all([
    store.db.selectFrom('contacts').select(['id', 'name', 'birthday'])
      .where('workspace_id', '=', store.workspaceId).where('archived', '=', 0).where('birthday', 'is not', null).execute(),
    store.db.selectFrom('contact_dates as d').innerJoin('contacts as c', 'c.id', 'd.contact_id')
      .select(['d.id', 'd.contact_id', 'd.kind', 'd.label', 'd.year', 'd.month', 'd.day', 'd.yearly', 'c.name'])
      .where('d.workspace_id', '=', store.workspaceId).where('d.month', 'in', [...months]).where('c.archived', '=', 0).execute(),
  ]);
  const out: (ImportantDate & { contactName: string })[] = [];
  for (const b of birthdays) {
    const d = birthdayDate(b.id, b.birthday);
    if (d && months.includes(d.month)) out.push({ ...d, contactName: b.name });
  }
  for (const r of rows) out.push({ ...fromRow(r), contactName: r.name });
  return out;
}
