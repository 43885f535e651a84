// Lists of ids are split before they become IN lists or multi-row inserts: SQLite allows 32,766 bound variables
// in one statement and PostgreSQL 65,535, and a bulk operation may name 50,000 contacts (MAX_BULK_IDS).
export const CHUNK_SIZE = 500;

export function chunks<T>(list: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
