import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../tables.ts';

// int8 (count(*), sums) comes back as text by default; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

// `?schema=NAME` on the URL puts every table in that schema (created if missing): one database, many isolated stores.
export async function openPostgres(url: string): Promise<{ db: Kysely<Database>; pool: pg.Pool; schema: string }> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`schema must be lowercase letters, digits and _ (got ${JSON.stringify(schema)})`);
  }
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return { db, pool, schema: schema ?? 'public' };
}
