import { CompiledQuery, sql } from 'kysely';
import type { SearchIndex } from '../store.ts';
import { loadSearchDocuments, searchTerms } from '../search-text.ts';

// FTS5 table keyed by rowid = contact id; kept in step by the store in the same transaction as each write.
export const sqliteSearchIndex: SearchIndex = {
  async reindex(db, workspaceId, contactIds) {
    for (let i = 0; i < contactIds.length; i += 500) {
      const chunk = contactIds.slice(i, i + 500);
      await sql`delete from contact_search where rowid in (${sql.join(chunk)})`.execute(db);
      await sqliteSearchIndex.add(db, workspaceId, await loadSearchDocuments(db, workspaceId, chunk));
    }
  },
  // Text with placeholders, not a Kysely template: building a query tree per value is most of the cost of
  // indexing an import's 30,000 contacts, and every full chunk has the same text (one prepared statement).
  async add(db, _workspaceId, documents) {
    for (let i = 0; i < documents.length; i += 500) {
      const chunk = documents.slice(i, i + 500);
      const params = chunk.flatMap((d) => [d.contactId, d.name, d.organisation, d.notes, d.interactions]);
      const text = `insert into contact_search (rowid, name, organisation, notes, interactions) values ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`;
      await db.executeQuery(CompiledQuery.raw(text, params));
    }
  },
  async remove(db, _workspaceId, contactIds) {
    for (let i = 0; i < contactIds.length; i += 500) {
      await sql`delete from contact_search where rowid in (${sql.join(contactIds.slice(i, i + 500))})`.execute(db);
    }
  },
  async search(db, workspaceId, query, limit) {
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    const match = terms.map((t) => `"${t}"*`).join(' AND ');
    const rows = await sql<{ id: number }>`
      select c.id from contact_search s join contacts c on c.id = s.rowid
      where contact_search match ${match} and c.workspace_id = ${workspaceId}
      order by bm25(contact_search, 10.0, 4.0, 1.0, 1.0) limit ${limit}`.execute(db);
    return rows.rows.map((r) => r.id);
  },
};
