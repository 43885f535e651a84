// The hand-written side of bench/foundation.bench.ts: plain better-sqlite3, no Kysely, no services.
import type SQLite from 'better-sqlite3';
import type { CadenceDefaults } from '../src/domain/cadence.ts';
import { effectiveCadenceDays, nextDueOn } from '../src/domain/cadence.ts';
import { normaliseName, normalisePhone, type ContactDraft } from '../src/domain/contact.ts';
import { networksToMask } from '../src/domain/networks.ts';

export interface DueRow { id: number; next_due: string }

// Today lists each person once: someone met at an event in the last 14 days and not heard from since, or named in
// an open action due within the week, is listed there and not under keep in touch. (The bench runs on the system
// clock, as SQLite's date('now') does.)
const LISTED_ELSEWHERE = `
        and c.id not in (select ea.contact_id from event_attendees ea join events e on e.id = ea.event_id join contacts m on m.id = ea.contact_id
          where ea.met_there = 1 and e.date >= date('now', '-14 days') and e.date <= date('now')
            and (m.last_interaction_at is null or m.last_interaction_at < e.date))
        and c.id not in (select a.contact_id from actions a where a.done_at is null and a.due_on <= date('now', '+7 days') and a.contact_id is not null)`;

// Today's keep-in-touch list computed from scratch in one statement: last conversation per contact from the
// interactions themselves ('connected' is not one; a contact never spoken to counts from the day it was sorted;
// unsorted contacts are on no list), plus the cadence rule (override, else the shortest network default, else 180 days),
// later of that and a snooze, skipping contacts an open follow-up covers. The same list `today` reads from
// the next_due_on column the store keeps up to date.
export function dueFromInteractions(raw: SQLite.Database, defaults: CadenceDefaults): (weekEnd: string, limit: number) => { items: DueRow[]; total: number } {
  const from = `
    with last as (
      select p.contact_id, max(i.occurred_at) as last_at
      from interaction_participants p join interactions i on i.id = p.interaction_id
      where i.kind <> 'connected'
      group by p.contact_id
    ), planned as (
      select c.id, c.snoozed_until,
        date(substr(coalesce(last.last_at, c.sorted_at, c.created_at), 1, 10), '+' || coalesce(c.cadence_days, case when c.networks = 0 then 180 else min(
          case when c.networks & 1 then ${defaults.operational} else 9999 end,
          case when c.networks & 2 then ${defaults.personal} else 9999 end,
          case when c.networks & 4 then ${defaults.strategic} else 9999 end) end) || ' days') as due
      from contacts c left join last on last.contact_id = c.id
      where c.workspace_id = 1 and c.archived = 0 and c.sorted_at is not null
        and not exists (select 1 from follow_ups f where f.contact_id = c.id and f.done_at is null)${LISTED_ELSEWHERE}
    ), due as (
      select id, case when snoozed_until > due then snoozed_until else due end as next_due from planned
    )`;
  const list = raw.prepare(`${from}, listed as (select id, next_due, count(*) over () as total from due where next_due <= ? order by next_due, id limit ?) select * from listed`);
  const empty = raw.prepare(`${from} select count(*) as total from due where next_due <= ?`);
  return (weekEnd, limit) => {
    const rows = list.all(weekEnd, limit) as (DueRow & { total: number })[];
    const total = rows[0]?.total ?? (empty.get(weekEnd) as { total: number }).total;
    return { items: rows.map((r) => ({ id: r.id, next_due: r.next_due })), total };
  };
}

// The same list read from the maintained next_due_on column, to show what the store's bookkeeping buys.
export function dueFromColumn(raw: SQLite.Database): (weekEnd: string, limit: number) => { items: DueRow[]; total: number } {
  const where = `from contacts c where c.workspace_id = 1 and c.archived = 0 and c.next_due_on <= ?
    and not exists (select 1 from follow_ups f where f.contact_id = c.id and f.done_at is null)${LISTED_ELSEWHERE}`;
  const list = raw.prepare(`select c.id, c.next_due_on as next_due ${where} order by c.next_due_on, c.id limit ?`);
  const count = raw.prepare(`select count(*) as total ${where}`);
  return (weekEnd, limit) => ({ items: list.all(weekEnd, limit) as DueRow[], total: (count.get(weekEnd) as { total: number }).total });
}

// A bare import: prepared inserts of the same contacts, emails, phones, web links, tags and search rows, one
// transaction, no validation, no duplicate check. Organisations already exist (name → id).
export function bareInsert(raw: SQLite.Database, drafts: readonly ContactDraft[], orgIds: ReadonlyMap<string, number>, defaults: CadenceDefaults, now: string): void {
  const contact = raw.prepare(`insert into contacts (workspace_id, name, name_key, given_name, family_name, organisation_id, title, location, birthday,
    met_how, met_where, notes, networks, connection_type, industry, cadence_days, archived, next_due_on, created_at, updated_at, sorted_at)
    values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`);
  const email = raw.prepare('insert into contact_emails (workspace_id, contact_id, address, label, position) values (1, ?, ?, ?, ?)');
  const phone = raw.prepare('insert into contact_phones (workspace_id, contact_id, number, number_key, label, position) values (1, ?, ?, ?, ?, ?)');
  const link = raw.prepare('insert into contact_web_links (workspace_id, contact_id, url, url_key, label, position) values (1, ?, ?, ?, ?, ?)');
  const tag = raw.prepare('insert into contact_tags (workspace_id, contact_id, tag) values (1, ?, ?)');
  const search = raw.prepare('insert into contact_search (rowid, name, organisation, notes, interactions) values (?, ?, ?, ?, ?)');
  raw.transaction(() => {
    for (const d of drafts) {
      const due = nextDueOn({ lastConversationAt: null, sortedAt: now, cadenceDays: effectiveCadenceDays(d.networks, d.cadenceDays, defaults) });
      const { lastInsertRowid } = contact.run(d.name, normaliseName(d.name), d.givenName, d.familyName, d.organisation ? orgIds.get(normaliseName(d.organisation)) ?? null : null,
        d.title, d.location, d.birthday, d.metHow, d.metWhere, d.notes, networksToMask(d.networks), d.connectionType, d.industry, d.cadenceDays, due, now, now, now);
      const id = Number(lastInsertRowid);
      d.emails.forEach((e, i) => email.run(id, e.address, e.label, i));
      d.phones.forEach((p, i) => phone.run(id, p.number, normalisePhone(p.number), p.label, i));
      d.webLinks.forEach((l, i) => link.run(id, l.url, l.url.toLowerCase(), l.label, i));
      for (const t of d.tags) tag.run(id, t);
      search.run(id, [d.name, ...d.emails.map((e) => e.address)].join(' '), [d.organisation, d.title, d.industry, d.location].filter(Boolean).join(' '),
        [d.notes, d.metHow, d.metWhere, ...d.tags].filter(Boolean).join(' '), '');
    }
  })();
}
