import { z } from 'zod';
import { lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { RapportError } from '../domain/errors.ts';
import { BACKED_UP_SETTINGS } from '../domain/settings.ts';
import { backupText, fromBackup, isBackedUpSetting, parseBackup, toBackup, type Backup } from '../io/backup-format.ts';
import { dumpTables, insertTables, rowCounts } from '../store/repositories/backup.repository.ts';
import { workspaceUid } from '../store/repositories/export.repository.ts';
import { defineOperation, type ServiceContext } from './operation.ts';
import { restoredCountsOutput } from './schemas/import-export.ts';

function counts(b: Backup): Record<string, number> {
  return {
    contacts: b.contacts.length, organisations: b.organisations.length, interactions: b.interactions.length, followUps: b.followUps.length,
    links: b.links.length, goals: b.goals.length, actions: b.actions.length, events: b.events.length, communities: b.communities.length,
    connectionTypes: b.connectionTypes.length, messageTemplates: b.messageTemplates.length, sentMessages: b.sentMessages.length,
    settings: Object.keys(b.settings).filter(isBackedUpSetting).length,
  };
}

export const summariseBackup = (text: string, file: string): Record<string, number> => counts(parseBackup(text, file));

// A backup is a whole database: restored only into an empty one, ids and all, so nothing is merged by guesswork.
export async function restoreBackup(ctx: ServiceContext, text: string, file: string): Promise<Record<string, number>> {
  const { store } = ctx;
  const backup = parseBackup(text, file);
  const present = Object.entries(await rowCounts(store)).filter(([, n]) => n > 0);
  if (present.length) {
    throw new RapportError('conflict', `${file}: a backup restores only into an empty database, and this one holds ${present.map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`).join(', ')}; restore into a new one (--db new.db)`);
  }
  // Only the settings a backup carries are replaced: the password (and any other credential) stays as it is here.
  await store.db.deleteFrom('settings').where('workspace_id', '=', store.workspaceId).where('key', 'in', [...BACKED_UP_SETTINGS]).execute();
  await insertTables(store, fromBackup(backup));
  if (backup.calendarUid) await store.db.updateTable('workspaces').set({ uid: backup.calendarUid }).where('id', '=', store.workspaceId).execute();
  const ids = backup.contacts.map((c) => c.id);
  await store.search.reindex(store.db, store.workspaceId, ids);
  return counts(backup);
}

export async function backupJson(ctx: ServiceContext): Promise<string> {
  return backupText(toBackup(await dumpTables(ctx.store), await workspaceUid(ctx.store)));
}

export const backupRestore = defineOperation({
  name: 'backup.restore',
  conflicts: true,
  summary: 'Restore a JSON backup (from `rapport export --format json`) into an empty database, keeping every id',
  effect: 'write',
  input: z.object({ content: z.string().min(1, 'the backup is empty'), filename: lineText(TEXT_LIMITS.line).default('backup.json') }),
  output: restoredCountsOutput,
  http: { method: 'post', path: '/backup/restore' },
  run: (ctx, { content, filename }) => restoreBackup(ctx, content, filename),
});
