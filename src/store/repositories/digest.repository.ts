import type { Store } from '../store.ts';

export interface DigestSendRow {
  period: string; channel: string; status: 'sent' | 'failed'; attempts: number; lastError: string | null;
  lastAttemptAt: string; nextAttemptAt: string | null; sentAt: string | null;
}

// Events from `from` to `to` (inclusive), soonest first, with how many are listed as going.
export async function eventsBetween(store: Store, from: string, to: string, limit: number): Promise<{ items: { id: number; name: string; date: string; place: string | null }[]; total: number }> {
  const base = store.db.selectFrom('events').where('workspace_id', '=', store.workspaceId).where('date', '>=', from).where('date', '<=', to);
  const [items, count] = await Promise.all([
    base.select(['id', 'name', 'date', 'place']).orderBy('date').orderBy('id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

const toRow = (r: { period: string; channel: string; status: string; attempts: number; last_error: string | null; last_attempt_at: string; next_attempt_at: string | null; sent_at: string | null }): DigestSendRow => ({
  period: r.period, channel: r.channel, status: r.status as DigestSendRow['status'], attempts: r.attempts, lastError: r.last_error,
  lastAttemptAt: r.last_attempt_at, nextAttemptAt: r.next_attempt_at, sentAt: r.sent_at,
});

export async function sendState(store: Store, period: string, channel: string): Promise<DigestSendRow | undefined> {
  const row = await store.db.selectFrom('digest_sends').selectAll().where('workspace_id', '=', store.workspaceId).where('period', '=', period).where('channel', '=', channel).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

// The latest record per channel: what Settings and `rapport digest --status` show.
export async function latestSends(store: Store): Promise<DigestSendRow[]> {
  const rows = await store.db.selectFrom('digest_sends').selectAll().where('workspace_id', '=', store.workspaceId).orderBy('last_attempt_at', 'desc').limit(50).execute();
  const seen = new Set<string>();
  return rows.map(toRow).filter((r) => (seen.has(r.channel) ? false : (seen.add(r.channel), true)));
}

export async function recordSend(store: Store, row: DigestSendRow): Promise<void> {
  const values = {
    status: row.status, attempts: row.attempts, last_error: row.lastError, last_attempt_at: row.lastAttemptAt, next_attempt_at: row.nextAttemptAt, sent_at: row.sentAt,
  };
  await store.db.insertInto('digest_sends').values({ workspace_id: store.workspaceId, period: row.period, channel: row.channel, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'period', 'channel']).doUpdateSet(values)).execute();
}
