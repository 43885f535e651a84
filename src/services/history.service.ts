import { z } from 'zod';
import { RapportError } from '../domain/errors.ts';
import { currentCapture, latestUndoable, listEntries, loadEntry, markUndoes, markUndone, JOURNAL_KEEP, type JournalEntry } from '../store/journal/journal.repository.ts';
import { undoEntryRows } from '../store/journal/undo.ts';
import { widenCacheForBulkLoad } from '../store/repositories/demo.repository.ts';
import { removeDemoData } from './demo-remove.service.ts';
import { defineOperation, idParam, type ServiceContext } from './operation.ts';
import { historyListOutput, undoOutput } from './schemas/entities.ts';

export const historyList = defineOperation({
  name: 'history.list',
  summary: `The latest writes, newest first, with what each did; the last ${JOURNAL_KEEP} can be undone`,
  effect: 'read',
  input: z.object({ limit: z.coerce.number().int().min(1).max(JOURNAL_KEEP).default(20) }),
  output: historyListOutput,
  http: { method: 'get', path: '/history' },
  run: async ({ store }, { limit }): Promise<{ items: JournalEntry[] }> => ({ items: await listEntries(store, limit) }),
});

export interface UndoResult {
  undone: JournalEntry;
  removed: number;
  restored: number;
  reverted: number;
}

async function undo(ctx: ServiceContext, id: number | undefined): Promise<UndoResult> {
  const { store, clock } = ctx;
  // This undo is being journalled under an entry of its own; it is never its own target.
  const self = await currentCapture(store);
  const target = id === undefined ? await latestUndoable(store, self) : await loadEntry(store, id);
  if (!target) {
    throw id === undefined
      ? new RapportError('not_found', 'nothing to undo: no write is in the history')
      : new RapportError('not_found', `history entry #${id} not found (only the last ${JOURNAL_KEEP} writes are kept; see rapport history)`);
  }
  if (target.undoneAt !== null) {
    throw new RapportError('conflict', `#${target.id} "${target.summary}" was already undone at ${target.undoneAt}`);
  }
  let outcome = { removed: 0, restored: 0, reverted: 0 };
  if (target.operation === 'demo.load') {
    const removed = await removeDemoData(ctx);
    outcome = { removed: removed.rows, restored: 0, reverted: 0 };
  } else {
    // An import's undo touches as many rows as the import did: the same wider page cache keeps it in memory.
    const restoreCache = target.rowCount > 10_000 ? await widenCacheForBulkLoad(store) : async () => undefined;
    try {
      const result = await undoEntryRows(store, target.id, self);
      await store.search.reindex(store.db, store.workspaceId, result.contactIds);
      // The touched contacts were for the search index; the answer keeps to UndoResult.
      outcome = { removed: result.removed, restored: result.restored, reverted: result.reverted };
    } finally {
      await restoreCache();
    }
  }
  const now = clock.now().toISOString();
  await markUndone(store, target.id, now);
  if (self !== null) await markUndoes(store, self, target.id);
  // Undoing an undo is a redo: what it undid counts as done again.
  if (target.undoes !== null) await markUndone(store, target.undoes, null);
  return { undone: target, ...outcome };
}

export const historyUndo = defineOperation({
  name: 'history.undo',
  summary: 'Undo the latest write (or the one named by id) in one transaction; refuses, changing nothing, if its rows changed since',
  // Refuses with 409 when the data changed since (merged, deleted, edited by a later write).
  conflicts: true,
  effect: 'write',
  input: z.object({ id: idParam.optional() }),
  output: undoOutput,
  http: { method: 'post', path: '/history/undo' },
  run: (ctx, { id }) => undo(ctx, id),
});
