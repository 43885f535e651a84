import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { z } from 'zod';
import { fixedClock, type Clock } from '../../src/domain/clock.ts';
import { runOperation, type Operation, type ServiceContext } from '../../src/services/operation.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';

export const POSTGRES_URL = process.env.RAPPORT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: Promise<boolean> | null = null;
async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// The dialects a contract suite runs on: SQLite always; PostgreSQL when reachable, and in CI it must be (fail, not skip).
export async function dialectsUnderTest(): Promise<('sqlite' | 'postgres')[]> {
  // CI's second Node version runs the SQLite half only: the PostgreSQL driver is plain JavaScript, already covered on Node 20.
  if (process.env.RAPPORT_TEST_SQLITE_ONLY === '1') return ['sqlite'];
  pgAvailable ??= postgresReachable();
  if (await pgAvailable) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${POSTGRES_URL}, and CI requires the PostgreSQL contract suite`);
  console.warn(`PostgreSQL not reachable at ${POSTGRES_URL}: running the SQLite half of the contract suite only`);
  return ['sqlite'];
}

export const DIALECTS: ('sqlite' | 'postgres')[] = await dialectsUnderTest();

// A fresh store per test: in-memory SQLite, or its own PostgreSQL schema so parallel runs never collide.
export async function freshStore(dialect: 'sqlite' | 'postgres'): Promise<Store> {
  if (dialect === 'sqlite') return openStore({ location: ':memory:' });
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const store = await openStore({ location: `${POSTGRES_URL}?schema=${schema}` });
  const close = store.close;
  return {
    ...store,
    close: async () => {
      await store.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await close();
    },
  };
}

export interface TestContext extends ServiceContext {
  // The output type is the operation's own (its output schema's): no caller states it.
  run<I extends z.ZodType, O>(op: Operation<I, O>, input: unknown): Promise<O>;
  close(): Promise<void>;
}

// A store, a frozen clock (2026-11-23 noon unless told) and a runner for catalogue operations.
export async function testContext(dialect: 'sqlite' | 'postgres', clock: Clock = fixedClock('2026-11-23T12:00:00.000Z')): Promise<TestContext> {
  const store = await freshStore(dialect);
  const ctx: ServiceContext = { store, clock };
  return {
    ...ctx,
    run: (op, input) => runOperation(ctx, op, input),
    close: () => store.close(),
  };
}
