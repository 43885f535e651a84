import { sql, type Kysely } from 'kysely';
import { MAX_SEARCH_DOCUMENT } from '../domain/limits.ts';
import type { Database } from './tables.ts';

export interface SearchDocument {
  contactId: number;
  name: string;
  organisation: string;
  notes: string;
  interactions: string;
}

// Gathers what search should find a contact by; shared by both dialects' indexes.
export async function loadSearchDocuments(db: Kysely<Database>, workspaceId: number, ids: readonly number[]): Promise<SearchDocument[]> {
  if (ids.length === 0) return [];
  const contacts = await db
    .selectFrom('contacts')
    .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
    .select(['contacts.id', 'contacts.name', 'contacts.title', 'contacts.notes', 'contacts.met_how', 'contacts.met_where', 'contacts.location', 'contacts.industry', 'organisations.name as organisation'])
    .where('contacts.workspace_id', '=', workspaceId)
    .where('contacts.id', 'in', ids)
    .execute();
  const tags = await db.selectFrom('contact_tags').select(['contact_id', 'tag']).where('contact_id', 'in', ids).execute();
  const emails = await db.selectFrom('contact_emails').select(['contact_id', 'address']).where('contact_id', 'in', ids).execute();
  const summaries = await db
    .selectFrom('interaction_participants as p')
    .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
    .select(['p.contact_id', 'i.summary', 'i.value_note'])
    .where('p.contact_id', 'in', ids)
    .where(sql<boolean>`coalesce(i.summary, i.value_note) is not null`)
    // Newest first: when the document is capped, recent conversations are what stays findable.
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
  const group = <T extends { contact_id: number }>(rows: T[], pick: (r: T) => string | null) => {
    const m = new Map<number, string[]>();
    for (const r of rows) {
      const v = pick(r);
      if (v) (m.get(r.contact_id) ?? m.set(r.contact_id, []).get(r.contact_id)!).push(v);
    }
    return m;
  };
  const tagsBy = group(tags, (r) => r.tag);
  const emailsBy = group(emails, (r) => r.address);
  const summariesBy = group(summaries, (r) => [r.summary, r.value_note].filter(Boolean).join(' '));
  return contacts.map((c) => searchDocument({
    contactId: c.id, name: c.name, emails: emailsBy.get(c.id) ?? [], organisation: c.organisation, title: c.title, industry: c.industry,
    location: c.location, notes: c.notes, metHow: c.met_how, metWhere: c.met_where, tags: tagsBy.get(c.id) ?? [], summaries: summariesBy.get(c.id) ?? [],
  }));
}

export interface SearchFields {
  contactId: number;
  name: string;
  emails: readonly string[];
  organisation: string | null;
  title: string | null;
  industry: string | null;
  location: string | null;
  notes: string | null;
  metHow: string | null;
  metWhere: string | null;
  tags: readonly string[];
  summaries: readonly string[];
}

// At most `max` characters, not splitting a surrogate pair.
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

// What a contact is found by, in one place: built from the tables on reindex, or from the data itself when a
// contact is new (createContacts), so both give the same document. The text is capped (name first, then company,
// notes, interactions) so years of long interaction summaries stay within PostgreSQL's 1 MB tsvector.
export function searchDocument(f: SearchFields): SearchDocument {
  let budget = MAX_SEARCH_DOCUMENT;
  const take = (text: string): string => {
    const kept = cut(text, budget);
    budget -= kept.length;
    return kept;
  };
  return {
    contactId: f.contactId,
    name: take([f.name, ...f.emails].join(' ')),
    organisation: take([f.organisation, f.title, f.industry, f.location].filter(Boolean).join(' ')),
    notes: take([f.notes, f.metHow, f.metWhere, ...f.tags].filter(Boolean).join(' ')),
    interactions: take(f.summaries.join(' ')),
  };
}

// Words of a user's query, stripped of query-language syntax so no input can break the MATCH/tsquery.
export function searchTerms(query: string): string[] {
  return query
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

export const foldDiacritics = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '');
