import type { Generated, Kysely } from 'kysely';
import type { Database } from '../tables.ts';
import type { Store } from '../store.ts';

// The outreach tables are declared here, beside their only queries, so outreach needs no edit to the shared
// Database type; withTables widens the typed handle for these repositories alone. Type aliases, not interfaces:
// withTables wants record-compatible shapes.
export type MessageTemplateTable = {
  workspace_id: number;
  key: string;
  definition: string;
  created_at: string;
  updated_at: string;
};
export type SentMessageTable = {
  id: Generated<number>;
  workspace_id: number;
  interaction_id: number;
  contact_id: number;
  template: string | null;
  subject: string;
  body: string;
  channel: string;
  via: string;
  sent_at: string;
};
export type OutreachTables = {
  message_templates: MessageTemplateTable;
  sent_messages: SentMessageTable;
};

export const outreachDb = (store: Store): Kysely<Database & OutreachTables> => store.db.withTables<OutreachTables>();
const db = outreachDb;

export interface StoredTemplate {
  key: string;
  // Parsed JSON, not yet validated: the service checks it against the domain's template schema.
  definition: unknown;
  createdAt: string;
  updatedAt: string;
}

export async function listStoredTemplates(store: Store): Promise<StoredTemplate[]> {
  const rows = await db(store).selectFrom('message_templates').selectAll().where('workspace_id', '=', store.workspaceId).orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, definition: JSON.parse(r.definition) as unknown, createdAt: r.created_at, updatedAt: r.updated_at }));
}

// Insert or replace; a replaced template keeps when it was first written.
export async function upsertStoredTemplate(store: Store, key: string, definition: unknown, now: string): Promise<void> {
  const json = JSON.stringify(definition);
  await db(store)
    .insertInto('message_templates')
    .values({ workspace_id: store.workspaceId, key, definition: json, created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ definition: json, updated_at: now }))
    .execute();
}

export async function deleteStoredTemplate(store: Store, key: string): Promise<boolean> {
  const res = await db(store).deleteFrom('message_templates').where('workspace_id', '=', store.workspaceId).where('key', '=', key).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
