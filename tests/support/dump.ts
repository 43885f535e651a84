import { CompiledQuery, type Kysely } from 'kysely';
import { tableShapes } from '../../src/store/journal/shapes.ts';
import type { TestContext } from './stores.ts';

// Every row of every table the journal covers, in key order: "exactly the previous rows" means this is equal.
export async function dumpTables(t: TestContext): Promise<Record<string, unknown[]>> {
  const shapes = await tableShapes(t.store.db as unknown as Kysely<unknown>, t.store.dialect);
  const out: Record<string, unknown[]> = {};
  for (const shape of [...shapes.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const res = await t.store.db.executeQuery(CompiledQuery.raw(`select * from "${shape.name}" order by ${shape.key.map((k) => `"${k}"`).join(', ')}`));
    out[shape.name] = res.rows;
  }
  return out;
}

