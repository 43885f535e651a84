import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionTypeAdd } from '../src/services/connection-types.service.ts';
import { importInput, readImport, runImport } from '../src/services/import.service.ts';
import { parseInput } from '../src/services/operation.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// The CLI reads and validates a file before it takes the write lock, then matches and writes inside it.
describe.each(DIALECTS)('an import read ahead of its transaction, on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const input = parseInput(importInput, { content: 'Full Name,Kind\nAda Lovelace,board-member\nGrace Hopper,mentor\n', filename: 'people.csv', map: 'Full Name=name,Kind=connectionType' });

  it('writes what was read when nothing it depends on changed', async () => {
    await t.run(connectionTypeAdd, { key: 'board-member', label: 'Board member', defaultNetwork: 'strategic' });
    const read = await readImport(t, input);
    const report = await t.store.transaction((tx) => runImport({ ...t, store: tx }, input, { write: true, read }));
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
  });

  it('reads the file again when the connection types changed between reading and writing', async () => {
    const read = await readImport(t, input);
    expect(read.format !== 'json' && read.rejected.map((r) => r.line)).toEqual([2]);
    await t.run(connectionTypeAdd, { key: 'board-member', label: 'Board member', defaultNetwork: 'strategic' });
    const report = await t.store.transaction((tx) => runImport({ ...t, store: tx }, input, { write: true, read }));
    expect(report.counts).toMatchObject({ created: 2, rejected: 0 });
    expect(report.rows.map((r) => r.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });
});
