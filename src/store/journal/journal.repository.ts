import { sql, type Kysely } from 'kysely';
import type { Store } from '../store.ts';

export interface JournalEntry {
  id: number;
  operation: string;
  summary: string;
  createdAt: string;
  rowCount: number;
  undoneAt: string | null;
  undoes: number | null;
}

// How many entries are kept per workspace; older ones are dropped when a new one is written. An entry holds a copy
// of every row its operation changed (a 30,000-row import is ~40 MB of images), so the bound is a count, kept small.
export const JOURNAL_KEEP = 50;

type EntryRow = { id: number; operation: string; summary: string; created_at: string; row_count: number; undone_at: string | null; undoes: number | null };
const raw = (store: Store) => store.db as unknown as Kysely<unknown>;

function toEntry(r: EntryRow): JournalEntry {
  return { id: Number(r.id), operation: r.operation, summary: r.summary, createdAt: r.created_at, rowCount: Number(r.row_count), undoneAt: r.undone_at, undoes: r.undoes === null ? null : Number(r.undoes) };
}

// Opens an entry inside the caller's transaction: from here until closeEntry, every row changed is copied into it.
export async function openEntry(store: Store, operation: string, at: string, capture = true): Promise<number> {
  const db = raw(store);
  const row = await sql<{ id: number }>`insert into undo_entries (workspace_id, operation, summary, created_at) values (${store.workspaceId}, ${operation}, ${operation}, ${at}) returning id`.execute(db);
  const id = Number(row.rows[0]!.id);
  if (capture) await startCapture(store, id);
  return id;
}

export async function startCapture(store: Store, entryId: number): Promise<void> {
  const db = raw(store);
  if (store.dialect === 'sqlite') {
    await sql`delete from undo_current`.execute(db);
    await sql`insert into undo_current (entry_id, workspace_id) values (${entryId}, ${store.workspaceId})`.execute(db);
  } else {
    await sql`select set_config('rapport.undo_entry', ${String(entryId)}, true), set_config('rapport.undo_workspace', ${String(store.workspaceId)}, true)`.execute(db);
  }
}

export async function stopCapture(store: Store): Promise<void> {
  const db = raw(store);
  if (store.dialect === 'sqlite') await sql`delete from undo_current`.execute(db);
  else await sql`select set_config('rapport.undo_entry', '', true)`.execute(db);
}

// Stops capturing and names the entry. An operation that changed nothing leaves no entry: there is nothing to undo.
// Returns the entry, or null when it was dropped.
export async function closeEntry(store: Store, id: number, summary: string, keepEmpty = false): Promise<JournalEntry | null> {
  await stopCapture(store);
  const db = raw(store);
  const count = await sql<{ n: number }>`select count(*) as n from undo_rows where entry_id = ${id}`.execute(db);
  const n = Number(count.rows[0]!.n);
  if (n === 0 && !keepEmpty) {
    await sql`delete from undo_entries where id = ${id}`.execute(db);
    return null;
  }
  await sql`update undo_entries set summary = ${summary}, row_count = ${n} where id = ${id}`.execute(db);
  await prune(store);
  return loadEntry(store, id);
}

async function prune(store: Store): Promise<void> {
  const db = raw(store);
  const cut = await sql<{ id: number }>`select id from undo_entries where workspace_id = ${store.workspaceId} order by id desc limit 1 offset ${JOURNAL_KEEP}`.execute(db);
  const last = cut.rows[0];
  if (!last) return;
  await sql`delete from undo_rows where workspace_id = ${store.workspaceId} and entry_id <= ${Number(last.id)}`.execute(db);
  await sql`delete from undo_entries where workspace_id = ${store.workspaceId} and id <= ${Number(last.id)}`.execute(db);
}

export async function loadEntry(store: Store, id: number): Promise<JournalEntry | null> {
  const rows = await sql<EntryRow>`select id, operation, summary, created_at, row_count, undone_at, undoes from undo_entries where workspace_id = ${store.workspaceId} and id = ${id}`.execute(raw(store));
  return rows.rows[0] ? toEntry(rows.rows[0]) : null;
}

export async function listEntries(store: Store, limit: number): Promise<JournalEntry[]> {
  const rows = await sql<EntryRow>`select id, operation, summary, created_at, row_count, undone_at, undoes from undo_entries where workspace_id = ${store.workspaceId} order by id desc limit ${limit}`.execute(raw(store));
  return rows.rows.map(toEntry);
}

// The newest entry not yet undone.
export async function latestUndoable(store: Store, except: number | null): Promise<JournalEntry | null> {
  const rows = await sql<EntryRow>`select id, operation, summary, created_at, row_count, undone_at, undoes from undo_entries
    where workspace_id = ${store.workspaceId} and undone_at is null and id <> ${except ?? 0} order by id desc limit 1`.execute(raw(store));
  return rows.rows[0] ? toEntry(rows.rows[0]) : null;
}

export async function markUndone(store: Store, id: number, at: string | null): Promise<void> {
  await sql`update undo_entries set undone_at = ${at} where id = ${id}`.execute(raw(store));
}

export async function markUndoes(store: Store, id: number, target: number): Promise<void> {
  await sql`update undo_entries set undoes = ${target} where id = ${id}`.execute(raw(store));
}

export type Image = Record<string, unknown>;
export interface JournalRow { id: number; entryId: number; table: string; before: Image | null; after: Image | null }

const parse = (v: unknown): Image | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as Image) : (v as Image));

// The rows an entry (or every entry after one, for naming what changed since) captured, in the order written.
export async function entryRows(store: Store, entryId: number, opts: { table?: string; after?: boolean } = {}): Promise<JournalRow[]> {
  const cmp = opts.after ? sql`entry_id > ${entryId}` : sql`entry_id = ${entryId}`;
  const tbl = opts.table === undefined ? sql`` : sql`and tbl = ${opts.table}`;
  const rows = await sql<{ id: number; entry_id: number; tbl: string; before: unknown; after: unknown }>`
    select id, entry_id, tbl, before, after from undo_rows where workspace_id = ${store.workspaceId} and ${cmp} ${tbl} order by id`.execute(raw(store));
  return rows.rows.map((r) => ({ id: Number(r.id), entryId: Number(r.entry_id), table: r.tbl, before: parse(r.before), after: parse(r.after) }));
}

// The entry capturing right now, if any (the undo of an entry is itself recorded, and checked against it).
export async function currentCapture(store: Store): Promise<number | null> {
  const db = raw(store);
  if (store.dialect === 'sqlite') {
    const rows = await sql<{ entry_id: number }>`select entry_id from undo_current`.execute(db);
    return rows.rows[0] ? Number(rows.rows[0].entry_id) : null;
  }
  const rows = await sql<{ v: string | null }>`select current_setting('rapport.undo_entry', true) as v`.execute(db);
  const v = rows.rows[0]?.v;
  return v ? Number(v) : null;
}
