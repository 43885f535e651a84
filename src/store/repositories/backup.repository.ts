import { sql, type Selectable } from 'kysely';
import { normaliseName, normalisePhone } from '../../domain/contact.ts';
import type { Store } from '../store.ts';
import type { Database } from '../tables.ts';
import { urlKey } from './contacts.repository.ts';
import type { OutreachTables } from './templates.repository.ts';

type AllTables = Database & OutreachTables;

// What a backup carries of each table, in restore order (parents before children). Columns left out are the
// workspace and keys derived from other columns; a test compares this with the live schema, so a new table or
// column cannot silently fall out of backups.
export const BACKUP_TABLES = {
  settings: ['key', 'value'],
  connection_types: ['key', 'label', 'default_network'],
  message_templates: ['key', 'definition', 'created_at', 'updated_at'],
  organisations: ['id', 'name', 'industry', 'website', 'is_mine', 'notes', 'created_at', 'updated_at'],
  contacts: ['id', 'name', 'given_name', 'family_name', 'organisation_id', 'title', 'location', 'birthday', 'met_how', 'met_where', 'notes',
    'networks', 'connection_type', 'inside_organisation', 'inside_explicit', 'industry', 'cadence_days', 'archived', 'photo',
    'last_interaction_at', 'next_due_on', 'snoozed_until', 'created_at', 'updated_at', 'sorted_at'],
  contact_emails: ['contact_id', 'address', 'label', 'position'],
  contact_phones: ['contact_id', 'number', 'label', 'position'],
  contact_web_links: ['contact_id', 'url', 'label', 'position'],
  contact_tags: ['contact_id', 'tag'],
  contact_card: ['contact_id', 'nickname', 'name_prefix', 'middle_name', 'name_suffix', 'organisation_unit'],
  contact_addresses: ['contact_id', 'position', 'label', 'po_box', 'extended', 'street', 'locality', 'region', 'postcode', 'country'],
  contact_dates: ['contact_id', 'position', 'kind', 'label', 'year', 'month', 'day', 'yearly'],
  contact_card_properties: ['contact_id', 'position', 'line'],
  communities: ['id', 'name', 'kind', 'notes', 'i_am_member', 'created_at'],
  community_members: ['community_id', 'contact_id', 'role'],
  events: ['id', 'name', 'kind', 'date', 'place', 'community_id', 'notes', 'created_at'],
  event_attendees: ['event_id', 'contact_id', 'met_there'],
  interactions: ['id', 'occurred_at', 'kind', 'channel', 'summary', 'value_flow', 'value_note', 'gratitude', 'created_at'],
  interaction_participants: ['interaction_id', 'contact_id'],
  sent_messages: ['id', 'interaction_id', 'contact_id', 'template', 'subject', 'body', 'channel', 'via', 'sent_at'],
  follow_ups: ['id', 'contact_id', 'due_on', 'reason', 'source', 'event_id', 'done_at', 'snoozed_until', 'created_at', 'revision'],
  links: ['a_id', 'b_id', 'strength', 'note', 'created_at'],
  goals: ['id', 'kind', 'description', 'target_date', 'status', 'created_at'],
  goal_contacts: ['goal_id', 'contact_id'],
  goal_organisations: ['goal_id', 'organisation_id'],
  actions: ['id', 'kind', 'description', 'due_on', 'done_at', 'goal_id', 'contact_id', 'created_at', 'revision'],
} as const satisfies { [T in keyof AllTables]?: readonly (keyof AllTables[T] & string)[] };

export type BackupTable = keyof typeof BACKUP_TABLES;
export type DumpRow<T extends BackupTable> = Pick<Selectable<AllTables[T]>, Extract<(typeof BACKUP_TABLES)[T][number], keyof Selectable<AllTables[T]>>>;
export type TableDump = { [T in BackupTable]: DumpRow<T>[] };

// Columns recomputed on restore rather than carried.
export const DERIVED_COLUMNS = ['workspace_id', 'name_key', 'number_key', 'url_key'] as const;
// Child rows whose own id means nothing outside the database (order is kept by position).
export const UNCARRIED_IDS: readonly BackupTable[] = ['contact_emails', 'contact_phones', 'contact_web_links', 'contact_addresses', 'contact_dates', 'contact_card_properties'];

const ORDER: { [T in BackupTable]: string[] } = {
  settings: ['key'], connection_types: ['key'], message_templates: ['key'], organisations: ['id'], contacts: ['id'],
  contact_emails: ['contact_id', 'position', 'id'], contact_phones: ['contact_id', 'position', 'id'], contact_web_links: ['contact_id', 'position', 'id'],
  contact_tags: ['contact_id', 'tag'], contact_card: ['contact_id'], contact_addresses: ['contact_id', 'position', 'id'], contact_dates: ['contact_id', 'position', 'id'],
  contact_card_properties: ['contact_id', 'position', 'id'], communities: ['id'], community_members: ['community_id', 'contact_id'], events: ['id'],
  event_attendees: ['event_id', 'contact_id'], interactions: ['id'], interaction_participants: ['interaction_id', 'contact_id'], sent_messages: ['id'],
  follow_ups: ['id'], links: ['a_id', 'b_id'], goals: ['id'], goal_contacts: ['goal_id', 'contact_id'],
  goal_organisations: ['goal_id', 'organisation_id'], actions: ['id'],
};

// Every row of this workspace, in a stable order (so two dumps of the same data are the same text).
export async function dumpTables(store: Store): Promise<TableDump> {
  const out: Partial<Record<BackupTable, unknown[]>> = {};
  for (const table of Object.keys(BACKUP_TABLES) as BackupTable[]) {
    const columns = BACKUP_TABLES[table] as readonly string[];
    const order = sql.join(ORDER[table].map((c) => sql.ref(c)));
    const rows = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}
      where workspace_id = ${store.workspaceId} order by ${order}`.execute(store.db);
    out[table] = rows.rows;
  }
  return out as TableDump;
}

const OWNED: BackupTable[] = ['connection_types', 'message_templates', 'organisations', 'contacts', 'communities', 'events', 'interactions', 'follow_ups', 'links', 'goals', 'actions'];

export async function rowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of OWNED) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${store.workspaceId}`.execute(store.db);
    counts[table] = Number(r.rows[0]?.n ?? 0);
  }
  return counts;
}

function derived(table: BackupTable, row: Record<string, unknown>, region: string | null): Record<string, unknown> {
  if (table === 'organisations' || table === 'contacts') return { name_key: normaliseName(String(row.name)) };
  if (table === 'contact_phones') return { number_key: normalisePhone(String(row.number), region) };
  if (table === 'contact_web_links') return { url_key: urlKey(String(row.url)) };
  return {};
}

// Writes a dump into an empty workspace keeping every id, then moves PostgreSQL's id sequences past them.
export async function insertTables(store: Store, dump: TableDump): Promise<void> {
  // Phone keys are read in the backup's own region (restored with its settings).
  const set = dump.settings.find((s) => s.key === 'defaultRegion');
  const regionValue = set ? (JSON.parse(set.value) as unknown) : null;
  const region = typeof regionValue === 'string' ? regionValue : null;
  for (const table of Object.keys(BACKUP_TABLES) as BackupTable[]) {
    const rows = (dump[table] as Record<string, unknown>[]).map((r) => ({ ...r, ...derived(table, r, region), workspace_id: store.workspaceId }));
    const width = Object.keys(rows[0] ?? { x: 1 }).length;
    // Stay under SQLite's 32,766 bound parameters per statement.
    const size = Math.max(1, Math.floor(30_000 / width));
    for (let i = 0; i < rows.length; i += size) {
      await store.db.withTables<OutreachTables>().insertInto(table).values(rows.slice(i, i + size) as never).execute();
    }
  }
  if (store.dialect === 'postgres') {
    for (const table of ['organisations', 'contacts', 'contact_emails', 'contact_phones', 'contact_web_links', 'interactions', 'follow_ups', 'goals', 'actions', 'communities', 'events', 'sent_messages']) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(store.db);
    }
  }
}
