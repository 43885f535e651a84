import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { search } from '../src/services/contact-list.service.ts';
import { z } from 'zod';
import { contactCreate, contactErase, contactUpdate, createContact } from '../src/services/contacts.service.ts';
import { defineOperation, parseInput } from '../src/services/operation.ts';
import { contactInputSchema } from '../src/domain/contact.ts';
import { contactBulkUpdate } from '../src/services/contacts-bulk.service.ts';
import { historyList, historyUndo } from '../src/services/history.service.ts';
import { importRun } from '../src/services/import.service.ts';
import { interactionDelete, interactionLog, interactionUpdate } from '../src/services/interactions.service.ts';
import { contactMerge } from '../src/services/merge.service.ts';
import { tagAdd } from '../src/services/tags.service.ts';
import { triageSort } from '../src/services/triage.service.ts';
import { authSetPassword } from '../src/services/auth.service.ts';
import { followUpAdd } from '../src/services/follow-ups.service.ts';
import { buildWorld, type World } from './backup-world.ts';
import { dumpTables } from './support/dump.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

async function journalCounts(t: TestContext): Promise<{ entries: number; rows: number }> {
  const n = async (table: string) => Number((await t.store.db.executeQuery<{ n: number }>(CompiledQuery.raw(`select count(*) as n from ${table}`))).rows[0]!.n);
  return { entries: await n('undo_entries'), rows: await n('undo_rows') };
}

const csv = (rows: number) => ['First Name,Last Name,Email Address,Company,Position',
  ...Array.from({ length: rows }, (_, i) => `Person,Number ${i},p${i}@example.org,Firm ${i % 3},Engineer`)].join('\n');

describe.each(DIALECTS)('undo and history on %s', (dialect) => {
  let t: TestContext;
  let world: World;
  beforeEach(async () => {
    t = await testContext(dialect);
    world = await buildWorld(t);
  });
  afterEach(async () => { await t.close(); });

  const undo = (id?: number) => t.run(historyUndo, id === undefined ? {} : { id });
  const latest = async () => (await t.run(historyList, { limit: 1 })).items[0]!;
  const add = async (name: string, extra: Record<string, unknown> = {}) => (await t.run(contactCreate, { name, ...extra })).contact;

  it('undoes a logged call: the rows are exactly as before, and the entry says what it was', async () => {
    const before = await dumpTables(t);
    await t.run(interactionLog, { contactIds: [world.grace.id], occurredAt: '2026-11-20T10:00:00Z', kind: 'call', summary: 'Roadmap chat' });
    const entry = await latest();
    expect(entry.summary).toBe('Logged a call with Grace Hopper 🔸 Ünïcödé');
    expect(await dumpTables(t)).not.toEqual(before);
    const result = await undo();
    expect(result.undone.id).toBe(entry.id);
    expect(await dumpTables(t)).toEqual(before);
    expect((await latest()).summary).toBe(`Undid #${entry.id}: Logged a call with Grace Hopper 🔸 Ünïcödé`);
  });

  it('undoes an edit, an interaction correction and a delete, each back to the exact previous rows', async () => {
    for (const write of [
      () => t.run(contactUpdate, { id: world.ada.id, title: 'Analyst', tags: ['math'], emails: ['new@example.org'] }),
      () => t.run(interactionUpdate, { id: world.interaction.id, summary: 'Talked looms', contactIds: [world.ada.id, world.grace.id] }),
      () => t.run(interactionDelete, { id: world.interaction.id }),
      () => t.run(contactErase, { ids: [world.charles.id] }),
      () => t.run(contactBulkUpdate, { ids: [world.ada.id, world.grace.id, world.charles.id], networks: ['operational'] }),
      () => t.run(contactMerge, { keepId: world.ada.id, mergeId: world.grace.id }),
    ]) {
      const before = await dumpTables(t);
      await write();
      expect(await dumpTables(t)).not.toEqual(before);
      await undo();
      expect(await dumpTables(t)).toEqual(before);
    }
  });

  it('names the writes in the history', async () => {
    await t.run(interactionDelete, { id: world.interaction.id });
    expect((await latest()).summary).toBe('Deleted a coffee with Ada Lovelace and Charles Babbage');
    await t.run(contactMerge, { keepId: world.ada.id, mergeId: world.grace.id });
    expect((await latest()).summary).toBe('Merged Grace Hopper 🔸 Ünïcödé into Ada Lovelace');
    await t.run(followUpAdd, { contactId: world.charles.id, dueOn: '2026-12-10', reason: 'Send the paper' });
    expect((await latest()).summary).toBe('Planned a follow-up with Charles Babbage');
    await t.run(tagAdd, { ids: [world.ada.id, world.charles.id], tags: ['engines'] });
    expect((await latest()).summary).toBe('Tagged 2 contacts “engines”');
  });

  it('names a triage sort by the people sorted and where they went, not by the operation', async () => {
    await t.run(importRun, { content: csv(5), filename: 'connections.csv' });
    const ids = (await t.store.db.selectFrom('contacts').select('id').where('name', 'like', 'Person Number %').orderBy('name').execute()).map((r) => r.id);
    await t.run(triageSort, { ids: ids.slice(0, 2), apply: 'network', network: 'strategic' });
    expect((await latest()).summary).toBe('Sorted Person Number 0 and Person Number 1 into strategic');
    await t.run(triageSort, { ids: [ids[2]!], apply: 'archive' });
    expect((await latest()).summary).toBe('Archived Person Number 2 from triage');
  });

  it('undoes a whole import in one step, search included', async () => {
    const before = await dumpTables(t);
    const report = await t.run(importRun, { content: csv(300), filename: '/tmp/connections.csv' });
    expect(report.counts.created).toBe(300);
    expect((await latest()).summary).toBe('Imported 300 new contacts from connections.csv');
    expect((await t.run(search, { query: 'Number 17' })).length).toBeGreaterThan(0);
    const result = await undo();
    expect(result.removed).toBeGreaterThanOrEqual(300);
    expect(await dumpTables(t)).toEqual(before);
    expect((await t.run(search, { query: 'Number 17' }))).toEqual([]);
  });

  it('puts a deleted person back into search', async () => {
    await t.run(contactErase, { ids: [world.charles.id] });
    expect((await t.run(search, { query: 'Babbage' }))).toEqual([]);
    await undo();
    expect((await t.run(search, { query: 'Babbage' })).map((c) => c.id)).toEqual([world.charles.id]);
  });

  it('refuses to undo a call logged with someone merged since, naming the change, and changes nothing', async () => {
    const isaac = await add('Isaac Svensson');
    const other = await add('Isaac S.');
    await t.run(interactionLog, { contactIds: [isaac.id], occurredAt: '2026-11-20T10:00:00Z', kind: 'call' });
    const logged = await latest();
    await t.run(contactMerge, { keepId: other.id, mergeId: isaac.id });
    const merge = await latest();
    const before = await dumpTables(t);
    const journal = await journalCounts(t);
    const error = await undo(logged.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).code).toBe('conflict');
    expect((error as Error).message).toMatch(new RegExp(`cannot undo #${logged.id}: the data changed since`));
    expect((error as Error).message).toContain(`#${merge.id} "Merged Isaac Svensson into Isaac S."`);
    expect(await dumpTables(t)).toEqual(before);
    expect(await journalCounts(t)).toEqual(journal);
  });

  it('refuses to undo an import when something was added to an imported contact since', async () => {
    await t.run(importRun, { content: csv(5), filename: 'c.csv' });
    const imported = await latest();
    const person = (await t.store.db.selectFrom('contacts').select('id').where('name', '=', 'Person Number 3').executeTakeFirstOrThrow()).id;
    await t.run(tagAdd, { ids: [person], tags: ['later'] });
    await t.run(interactionLog, { contactIds: [world.ada.id], occurredAt: '2026-11-21T10:00:00Z', kind: 'call' });
    const before = await dumpTables(t);
    const error = await undo(imported.id).catch((e: unknown) => e);
    expect((error as RapportError).code).toBe('conflict');
    expect((error as Error).message).toMatch(/Person Number 3|contact tag "later"/);
    expect(await dumpTables(t)).toEqual(before);
  });

  it('writes the journal in the same transaction: a failed write leaves no entry', async () => {
    const journal = await journalCounts(t);
    const before = await dumpTables(t);
    // A write that fails after it has written: its rows and its journal entry go together.
    const failing = defineOperation({
      name: 'test.fails-late', summary: 'writes, then fails', effect: 'write', input: z.object({}), output: z.never(), http: { method: 'post', path: '/test' },
      run: async (ctx) => {
        await createContact(ctx, parseInput(contactInputSchema, { name: 'Half Written' }));
        throw new RapportError('conflict', 'failed after writing');
      },
    });
    await expect(t.run(failing, {})).rejects.toThrow('failed after writing');
    expect(await journalCounts(t)).toEqual(journal);
    expect(await dumpTables(t)).toEqual(before);
  });

  it('redoes by undoing the undo, and will not undo twice', async () => {
    await t.run(contactUpdate, { id: world.ada.id, title: 'Analyst' });
    const edit = await latest();
    const edited = await dumpTables(t);
    await undo();
    await expect(undo(edit.id)).rejects.toThrow(/already undone/);
    await undo();
    expect(await dumpTables(t)).toEqual(edited);
    expect((await t.run(historyList, {})).items.find((e) => e.id === edit.id)!.undoneAt).toBeNull();
  });

  it('never journals the password: undo cannot bring one back or drop it', async () => {
    await t.run(contactUpdate, { id: world.ada.id, title: 'Analyst' });
    const edit = await latest();
    await t.run(authSetPassword, { newPassword: 'correct horse battery' });
    expect((await latest()).id).toBe(edit.id);
    expect((await undo()).undone.id).toBe(edit.id);
  });

  it('says so when there is nothing to undo or the entry is unknown', async () => {
    await expect(undo(999_999)).rejects.toThrow(/history entry #999999 not found/);
  });
});
