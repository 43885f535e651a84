import { sql } from 'kysely';
import type { SearchIndex } from '../store.ts';
import { foldDiacritics as fold, loadSearchDocuments, searchTerms } from '../search-text.ts';

// A tsvector per contact with weights A (name) to D (interactions), GIN-indexed.
export const postgresSearchIndex: SearchIndex = {
  async reindex(db, workspaceId, contactIds) {
    for (let i = 0; i < contactIds.length; i += 500) {
      const chunk = contactIds.slice(i, i + 500);
      await sql`delete from contact_search where contact_id in (${sql.join(chunk)})`.execute(db);
      await postgresSearchIndex.add(db, workspaceId, await loadSearchDocuments(db, workspaceId, chunk));
    }
  },
  async add(db, workspaceId, documents) {
    for (let i = 0; i < documents.length; i += 500) {
      const values = documents.slice(i, i + 500).map((d) => sql`(${d.contactId}, ${workspaceId},
          setweight(to_tsvector('simple', ${fold(d.name)}), 'A') ||
          setweight(to_tsvector('simple', ${fold(d.organisation)}), 'B') ||
          setweight(to_tsvector('simple', ${fold(d.notes)}), 'C') ||
          setweight(to_tsvector('simple', ${fold(d.interactions)}), 'D'))`);
      await sql`insert into contact_search (contact_id, workspace_id, document) values ${sql.join(values)}`.execute(db);
    }
  },
  async remove(db, _workspaceId, contactIds) {
    for (let i = 0; i < contactIds.length; i += 500) {
      await sql`delete from contact_search where contact_id in (${sql.join(contactIds.slice(i, i + 500))})`.execute(db);
    }
  },
  async search(db, workspaceId, query, limit) {
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    const tsquery = terms.map((t) => `${t.replace(/'/g, '')}:*`).join(' & ');
    const rows = await sql<{ contact_id: number }>`
      select contact_id from contact_search
      where workspace_id = ${workspaceId} and document @@ to_tsquery('simple', ${tsquery})
      order by ts_rank(document, to_tsquery('simple', ${tsquery})) desc, contact_id limit ${limit}`.execute(db);
    return rows.rows.map((r) => r.contact_id);
  },
};
