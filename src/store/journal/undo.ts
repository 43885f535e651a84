import { CompiledQuery, sql, type Kysely } from 'kysely';
import { RapportError } from '../../domain/errors.ts';
import type { Store } from '../store.ts';
import { entryRows, loadEntry, type Image } from './journal.repository.ts';
import { parentsFirst, tableShapes, type TableShape } from './shapes.ts';

// A row image as stored, parsed only when needed: undoing an import compares and deletes 100,000 rows whose
// images it never has to parse (their keys come from SQL, their after-images compare as text).
class Img {
  private parsed: Image | null;
  constructor(readonly text: string | null, parsed: Image | null = null) { this.parsed = parsed; }
  get image(): Image { return (this.parsed ??= JSON.parse(this.text!) as Image); }
}

// One row's net change over an entry: as it was before the operation, and as the operation left it (null: absent).
interface NetRow { key: Image; before: Img | null; after: Img | null }
interface CapturedRow { table: string; beforeKey: Image | null; afterKey: Image | null; before: Img | null; after: Img | null }

const CHUNK = 5_000;
// Keys are integers and text; a separator no key contains keeps them apart.
const keyText = (shape: TableShape, image: Image): string => (shape.key.length === 1 ? String(image[shape.key[0]!]) : shape.key.map((k) => String(image[k])).join('\u0000'));
const keyImage = (shape: TableShape, image: Image): Image => Object.fromEntries(shape.key.map((k) => [k, image[k]]));

// The entry's rows in capture order within each table (all a row's changes are in its own table).
async function capturedRows(store: Store, entryId: number, shapes: Map<string, TableShape>): Promise<CapturedRow[]> {
  if (store.dialect !== 'sqlite') {
    return (await entryRows(store, entryId)).map((r) => {
      const shape = shapes.get(r.table);
      return {
        table: r.table, before: r.before && new Img(null, r.before), after: r.after && new Img(null, r.after),
        beforeKey: r.before && shape ? keyImage(shape, r.before) : null, afterKey: r.after && shape ? keyImage(shape, r.after) : null,
      };
    });
  }
  const tables = await sql<{ tbl: string }>`select distinct tbl from undo_rows where entry_id = ${entryId}`.execute(store.db);
  const out: CapturedRow[] = [];
  for (const { tbl } of tables.rows) {
    const shape = shapes.get(tbl);
    if (!shape) throw new RapportError('conflict', `cannot undo: table ${tbl} no longer exists`);
    const keys = shape.key.map((k, i) => `json_extract(before, '$.${k}') as b${i}, json_extract(after, '$.${k}') as a${i}`).join(', ');
    const res = await store.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(
      `select before, after, ${keys} from undo_rows where entry_id = ? and tbl = ? order by id`, [entryId, tbl]));
    for (const r of res.rows) {
      const before = r.before as string | null;
      const after = r.after as string | null;
      out.push({
        table: tbl, before: before === null ? null : new Img(before), after: after === null ? null : new Img(after),
        beforeKey: before === null ? null : Object.fromEntries(shape.key.map((k, i) => [k, r[`b${i}`]])),
        afterKey: after === null ? null : Object.fromEntries(shape.key.map((k, i) => [k, r[`a${i}`]])),
      });
    }
  }
  return out;
}

// Folds the captured rows into one net change per row. An update that changed a row's key (a participant moved
// to another contact by a merge) is the removal of the old row and the arrival of a new one.
function netChanges(rows: readonly CapturedRow[], shapes: Map<string, TableShape>): Map<string, Map<string, NetRow>> {
  const out = new Map<string, Map<string, NetRow>>();
  const note = (shape: TableShape, key: Image, before: Img | null, after: Img | null): void => {
    const byKey = out.get(shape.name) ?? out.set(shape.name, new Map()).get(shape.name)!;
    const k = keyText(shape, key);
    const seen = byKey.get(k);
    if (seen) seen.after = after;
    else byKey.set(k, { key, before, after });
  };
  for (const r of rows) {
    const shape = shapes.get(r.table);
    if (!shape) throw new RapportError('conflict', `cannot undo: table ${r.table} no longer exists`);
    if (r.beforeKey && r.afterKey && keyText(shape, r.beforeKey) !== keyText(shape, r.afterKey)) {
      note(shape, r.beforeKey, r.before, null);
      note(shape, r.afterKey, null, r.after);
    } else note(shape, (r.afterKey ?? r.beforeKey)!, r.before, r.after);
  }
  for (const byKey of out.values()) for (const [k, n] of byKey) if (n.before === null && n.after === null) byKey.delete(k);
  return out;
}

// Stored values are integers, text and null on both dialects, so a column compares with ===.
function same(current: Image | undefined, expected: Image | null): boolean {
  if (expected === null) return current === undefined;
  if (current === undefined) return false;
  for (const c in expected) if ((current[c] ?? null) !== (expected[c] ?? null)) return false;
  return true;
}

// Whether a row is as the entry left it. SQLite hands the row as the trigger's own JSON text, so the usual case is
// one string comparison; a difference (or a column added since) is then checked value by value.
function asLeft(current: { row?: Image; text?: string } | undefined, after: Img | null): boolean {
  if (after === null || current === undefined) return after === null && current === undefined;
  if (current.text !== undefined && after.text !== null && current.text === after.text) return true;
  return same(current.row ?? (JSON.parse(current.text!) as Image), after.image);
}

const q = (name: string) => `"${name}"`;

// Rows of a table whose key is among these: as the trigger's JSON text on SQLite, as objects on PostgreSQL.
async function currentRows(store: Store, shape: TableShape, keys: readonly Image[]): Promise<Map<string, { row?: Image; text?: string }>> {
  const out = new Map<string, { row?: Image; text?: string }>();
  const image = store.dialect === 'sqlite' ? `, json_object(${shape.columns.map((c) => `'${c}', ${q(c)}`).join(', ')}) as rapport_image` : '';
  const cols = store.dialect === 'sqlite' ? shape.key.map(q).join(', ') : '*';
  for (let i = 0; i < keys.length; i += CHUNK) {
    const text = `select ${cols}${image} from ${q(shape.name)} where ${keyMatch(store, shape, 1)}`;
    const res = await store.db.executeQuery<Image>(CompiledQuery.raw(text, [JSON.stringify(keys.slice(i, i + CHUNK))]));
    for (const row of res.rows) out.set(keyText(shape, row), store.dialect === 'sqlite' ? { text: row.rapport_image as string } : { row });
  }
  return out;
}

// "(key columns) in (the keys in JSON parameter n)".
function keyMatch(store: Store, shape: TableShape, n: number): string {
  const cols = shape.key.map(q).join(', ');
  if (store.dialect === 'sqlite') {
    return `(${cols}) in (select ${shape.key.map((k) => `json_extract(value, '$.${k}')`).join(', ')} from json_each(?))`;
  }
  return `(${cols}) in (select ${shape.key.map((k) => `r.${q(k)}`).join(', ')} from jsonb_populate_recordset(null::${q(shape.name)}, $${n}::jsonb) r)`;
}

async function run(store: Store, text: string, json: unknown): Promise<void> {
  await store.db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(json)]));
}

async function deleteRows(store: Store, shape: TableShape, keys: readonly Image[]): Promise<void> {
  for (let i = 0; i < keys.length; i += CHUNK) await run(store, `delete from ${q(shape.name)} where ${keyMatch(store, shape, 1)}`, keys.slice(i, i + CHUNK));
}

async function insertRows(store: Store, shape: TableShape, images: readonly Image[]): Promise<void> {
  const cols = shape.columns.filter((c) => c in images[0]!);
  const list = cols.map(q).join(', ');
  const text = store.dialect === 'sqlite'
    ? `insert into ${q(shape.name)} (${list}) select ${cols.map((c) => `json_extract(value, '$.${c}')`).join(', ')} from json_each(?)`
    : `insert into ${q(shape.name)} (${list}) select ${cols.map((c) => `r.${q(c)}`).join(', ')} from jsonb_populate_recordset(null::${q(shape.name)}, $1::jsonb) r`;
  for (let i = 0; i < images.length; i += CHUNK) await run(store, text, images.slice(i, i + CHUNK));
}

async function updateRows(store: Store, shape: TableShape, images: readonly Image[]): Promise<void> {
  const cols = shape.columns.filter((c) => !shape.key.includes(c) && c in images[0]!);
  if (cols.length === 0) return;
  const t = q(shape.name);
  const text = store.dialect === 'sqlite'
    ? `update ${t} set ${cols.map((c) => `${q(c)} = json_extract(j.value, '$.${c}')`).join(', ')} from json_each(?) as j where ${shape.key.map((k) => `${t}.${q(k)} = json_extract(j.value, '$.${k}')`).join(' and ')}`
    : `update ${t} set ${cols.map((c) => `${q(c)} = r.${q(c)}`).join(', ')} from jsonb_populate_recordset(null::${t}, $1::jsonb) r where ${shape.key.map((k) => `${t}.${q(k)} = r.${q(k)}`).join(' and ')}`;
  for (let i = 0; i < images.length; i += CHUNK) await run(store, text, images.slice(i, i + CHUNK));
}

// How a row is named in a message: by its name, summary or description when it has one.
function label(table: string, image: Image | null, key: Image): string {
  const words = image && (image.name ?? image.summary ?? image.description ?? image.address ?? image.tag);
  const what = table.replace(/_/g, ' ').replace(/s$/, '');
  return `${what}${typeof words === 'string' ? ` "${words}"` : ''} (${Object.entries(key).map(([k, v]) => `${k} ${String(v)}`).join(', ')})`;
}

async function changedSince(store: Store, entryId: number, table: string, shape: TableShape, k: string, how: 'deleted' | 'changed'): Promise<string> {
  const later = (await entryRows(store, entryId, { after: true, table }))
    .filter((r) => [r.before, r.after].some((img) => img !== null && keyText(shape, img) === k))
    .at(-1);
  if (!later) return `${how} since`;
  const entry = await loadEntry(store, later.entryId);
  return `${how} since by #${later.entryId}${entry ? ` "${entry.summary}"` : ''}`;
}

export interface UndoOutcome {
  removed: number;
  restored: number;
  reverted: number;
  // Contacts whose search rows need rebuilding: those changed, and the people of changed interactions and organisations.
  contactIds: number[];
}

// Puts back every row an entry changed, inside the caller's transaction. The rows must still be as the entry left
// them; otherwise nothing is changed and the message names the first rows that differ. `capture` is the entry that
// is recording this undo: anything it caught beyond the entry's own rows (a cascade into data added since) fails it.
export async function undoEntryRows(store: Store, entryId: number, capture: number | null): Promise<UndoOutcome> {
  const shapes = await tableShapes(store.db as unknown as Kysely<unknown>, store.dialect);
  const net = netChanges(await capturedRows(store, entryId, shapes), shapes);
  const conflicts: string[] = [];
  for (const [table, byKey] of net) {
    const shape = shapes.get(table)!;
    const current = await currentRows(store, shape, [...byKey.values()].map((n) => n.key));
    for (const [k, n] of byKey) {
      const found = current.get(k);
      if (asLeft(found, n.after)) continue;
      const now = found ? found.row ?? (JSON.parse(found.text!) as Image) : null;
      const how = await changedSince(store, entryId, table, shape, k, now === null ? 'deleted' : 'changed');
      conflicts.push(`${label(table, n.after?.image ?? now ?? n.before?.image ?? null, n.key)} was ${how}`);
      if (conflicts.length >= 3) break;
    }
    if (conflicts.length >= 3) break;
  }
  if (conflicts.length > 0) {
    throw new RapportError('conflict', `cannot undo #${entryId}: the data changed since — ${conflicts.join('; ')}. Nothing was changed.`);
  }
  const order = parentsFirst(shapes).filter((t) => net.has(t));
  let removed = 0, restored = 0, reverted = 0;
  for (const table of [...order].reverse()) {
    const keys = [...net.get(table)!.values()].filter((n) => n.before === null).map((n) => n.key);
    if (keys.length) await deleteRows(store, shapes.get(table)!, keys);
    removed += keys.length;
  }
  for (const table of order) {
    const images = [...net.get(table)!.values()].filter((n) => n.after === null).map((n) => n.before!.image);
    if (images.length) await insertRows(store, shapes.get(table)!, images);
    restored += images.length;
  }
  for (const table of order) {
    const images = [...net.get(table)!.values()].filter((n) => n.before !== null && n.after !== null).map((n) => n.before!.image);
    if (images.length) await updateRows(store, shapes.get(table)!, images);
    reverted += images.length;
  }
  if (capture !== null && !(await capturedOnlyThese(store, capture, net))) {
    const extra = (await entryRows(store, capture)).find((r) => {
      const shape = shapes.get(r.table)!;
      return ![r.before, r.after].every((img) => img === null || net.get(r.table)?.has(keyText(shape, img)));
    });
    if (extra) {
      const image = extra.before ?? extra.after!;
      throw new RapportError('conflict', `cannot undo #${entryId}: it would also change ${label(extra.table, image, keyImage(shapes.get(extra.table)!, image))}, added or changed since. Nothing was changed.`);
    }
  }
  return { removed, restored, reverted, contactIds: await touchedContacts(store, entryId, net, shapes) };
}

// Each row put back is one captured change (an update that changes nothing is not captured). More captured
// changes than that means the undo reached rows outside the entry: a cascade into data added since.
async function capturedOnlyThese(store: Store, capture: number, net: Map<string, Map<string, NetRow>>): Promise<boolean> {
  const counts = await sql<{ tbl: string; n: number }>`select tbl, count(*) as n from undo_rows where entry_id = ${capture} group by tbl`.execute(store.db);
  for (const { tbl, n } of counts.rows) {
    const expected = [...(net.get(tbl)?.values() ?? [])].filter((r) => {
      if (r.before === null || r.after === null) return true;
      if (r.before.text !== null && r.before.text === r.after.text) return false;
      return !same(r.before.image, r.after.image) || !same(r.after.image, r.before.image);
    }).length;
    if (Number(n) > expected) return false;
  }
  return true;
}

// Rows an entry inserted or deleted bring their people's other changed rows with them (participants, the contact
// itself); only an updated interaction or organisation needs its people looked up.
async function touchedContacts(store: Store, entryId: number, net: Map<string, Map<string, NetRow>>, shapes: Map<string, TableShape>): Promise<number[]> {
  const ids = new Set<number>();
  const updated = (table: string) => [...(net.get(table)?.values() ?? [])].filter((n) => n.before !== null && n.after !== null).map((n) => Number(n.key.id));
  const interactions = updated('interactions');
  const organisations = updated('organisations');
  for (let i = 0; i < interactions.length; i += 500) {
    const rows = await store.db.selectFrom('interaction_participants').select('contact_id').where('interaction_id', 'in', interactions.slice(i, i + 500)).execute();
    for (const r of rows) ids.add(r.contact_id);
  }
  for (let i = 0; i < organisations.length; i += 500) {
    const rows = await store.db.selectFrom('contacts').select('id').where('organisation_id', 'in', organisations.slice(i, i + 500)).execute();
    for (const r of rows) ids.add(r.id);
  }
  const pointers = ['contact_id', 'a_id', 'b_id'];
  const unkeyed: string[] = [];
  for (const [table, byKey] of net) {
    const shape = shapes.get(table)!;
    const inKey = table === 'contacts' ? ['id'] : pointers.filter((c) => shape.key.includes(c));
    if (inKey.length > 0) for (const n of byKey.values()) for (const c of inKey) ids.add(Number(n.key[c]));
    if (pointers.some((c) => shape.columns.includes(c) && !shape.key.includes(c))) unkeyed.push(table);
  }
  // Rows that point at a contact outside their key (emails, follow-ups…): read from their images in SQL.
  if (unkeyed.length > 0) {
    const sqlite = store.dialect === 'sqlite';
    const field = (name: string) => (sqlite ? `json_extract(coalesce(after, before), '$.${name}')` : `(coalesce(after, before)->>'${name}')::integer`);
    const tables = unkeyed.map((t) => `'${t}'`).join(', ');
    const res = await store.db.executeQuery<{ id: number | null }>(CompiledQuery.raw(
      pointers.map((c) => `select distinct ${field(c)} as id from undo_rows where entry_id = ${sqlite ? '?' : '$1'} and tbl in (${tables})`).join(' union '),
      sqlite ? pointers.map(() => entryId) : [entryId]));
    for (const r of res.rows) if (r.id !== null) ids.add(Number(r.id));
  }
  return [...ids].sort((a, b) => a - b);
}
