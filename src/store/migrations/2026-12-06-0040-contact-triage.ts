import { sql, type Kysely } from 'kysely';
import { effectiveCadenceDays, NEVER_DUE, nextDueOn } from '../../domain/cadence.ts';
import { maskToNetworks } from '../../domain/networks.ts';
import { cadenceDefaultsOf, settingsSchema } from '../../domain/settings.ts';

interface Row { id: number; workspace_id: number; networks: number; cadence_days: number | null; last: string | null; sorted_at: string | null; snoozed_until: string | null; next_due_on: string }

// sorted_at: when the contact was given a place in the user's networks, from which a cadence runs for someone
// never spoken to. Null means unsorted: imported without a network, waiting in triage, on no keep-in-touch list.
// Contacts stored before this existed count as sorted when they were added, except the ones an import left in no
// network with nothing but 'connected' on record: those are what triage is for. "Last interaction" stops counting
// 'connected', so every contact's last conversation and next due are worked out again here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('sorted_at', 'text').execute();
  await db.schema.createIndex('contacts_unsorted').on('contacts').columns(['workspace_id', 'archived', 'id'])
    .where(sql.ref('sorted_at'), 'is', null).execute();
  await sql`update contacts set sorted_at = created_at where networks <> 0
    or not exists (select 1 from interaction_participants p join interactions i on i.id = p.interaction_id where p.contact_id = contacts.id and i.kind = 'connected')
    or exists (select 1 from interaction_participants p join interactions i on i.id = p.interaction_id where p.contact_id = contacts.id and i.kind <> 'connected')`.execute(db);
  await sql`update contacts set last_interaction_at = (select max(i.occurred_at) from interaction_participants p join interactions i on i.id = p.interaction_id
    where p.contact_id = contacts.id and i.kind <> 'connected')`.execute(db);

  const settingRows = await sql<{ workspace_id: number; key: string; value: string }>`select workspace_id, key, value from settings`.execute(db);
  const raw = new Map<number, Record<string, unknown>>();
  for (const r of settingRows.rows) (raw.get(r.workspace_id) ?? raw.set(r.workspace_id, {}).get(r.workspace_id)!)[r.key] = JSON.parse(r.value) as unknown;
  const rows = await sql<Row>`select id, workspace_id, networks, cadence_days, last_interaction_at as last, sorted_at, snoozed_until, next_due_on from contacts`.execute(db);
  const byDue = new Map<string, number[]>();
  for (const r of rows.rows) {
    const defaults = cadenceDefaultsOf(settingsSchema.parse(raw.get(r.workspace_id) ?? {}));
    let due = nextDueOn({ lastConversationAt: r.last, sortedAt: r.sorted_at, cadenceDays: effectiveCadenceDays(maskToNetworks(r.networks), r.cadence_days, defaults) });
    if (due !== NEVER_DUE && r.snoozed_until && r.snoozed_until > due) due = r.snoozed_until;
    if (due !== r.next_due_on) (byDue.get(due) ?? byDue.set(due, []).get(due)!).push(r.id);
  }
  for (const [due, ids] of byDue) {
    for (let i = 0; i < ids.length; i += 500) {
      await sql`update contacts set next_due_on = ${due} where id in (${sql.join(ids.slice(i, i + 500))})`.execute(db);
    }
  }
}
