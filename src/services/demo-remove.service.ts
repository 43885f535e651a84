import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { RapportError } from '../domain/errors.ts';
import { DEMO_TABLES } from '../store/migrations/2026-12-06-0051-demo-origin.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, type ServiceContext } from './operation.ts';
import { demoRemovalOutput } from './schemas/import-export.ts';

// The demo is a removable layer: every row it writes carries demo = 1 (demo.load marks them as it commits; it
// only fills an empty database, so everything present then is the demo's). Removing it takes out exactly those.
// What the user added WITH a demo person goes with that person (one place, said before it happens):
//  - an interaction whose every participant is a demo contact, follow-ups, actions and links on a demo contact,
//    and tags or emails the user put on one;
//  - an interaction shared with one of the user's own contacts stays, without the demo participant;
//  - a demo organisation that one of the user's contacts works at stays, and becomes the user's.
// A demo contact merged with one of the user's leaves demo rows tied to the user's contact: removal refuses,
// naming it, and changes nothing (undo the merge first, or keep the demo).

const raw = (store: Store) => store.db as unknown as Kysely<unknown>;

export async function markDemoRows(store: Store): Promise<void> {
  for (const table of DEMO_TABLES) await sql`update ${sql.table(table)} set demo = 1 where workspace_id = ${store.workspaceId}`.execute(raw(store));
}

// A merge keeps the survivor a demo contact only if both were: otherwise it holds the user's data.
export async function keepDemoMarkOnMerge(store: Store, keepId: number, goneId: number): Promise<void> {
  await sql`update contacts set demo = 0 where id = ${keepId} and demo = 1 and exists (select 1 from contacts g where g.id = ${goneId} and g.demo = 0)`.execute(raw(store));
}

export interface DemoRemoval {
  contacts: number; organisations: number; interactions: number; events: number; communities: number; goals: number;
  // The user's own rows that go with demo people (interactions only with them, follow-ups, actions, links).
  yours: { interactions: number; followUps: number; actions: number; links: number };
  // All rows removed, every table included.
  rows: number;
  removed: boolean;
}

async function count(store: Store, query: ReturnType<typeof sql>): Promise<number> {
  const r = await (query as ReturnType<typeof sql<{ n: number }>>).execute(raw(store));
  return Number(r.rows[0]?.n ?? 0);
}

async function tiedToYours(store: Store): Promise<string | null> {
  const ws = store.workspaceId;
  const row = await sql<{ summary: string | null; kind: string; name: string }>`
    select i.summary, i.kind, c.name from interactions i join interaction_participants p on p.interaction_id = i.id join contacts c on c.id = p.contact_id
    where i.workspace_id = ${ws} and i.demo = 1 and c.demo = 0 limit 1`.execute(raw(store));
  const hit = row.rows[0];
  if (hit) return `the demo's ${hit.kind}${hit.summary ? ` "${hit.summary.slice(0, 60)}"` : ''} now involves ${hit.name}, one of your contacts`;
  const fu = await sql<{ name: string }>`select c.name from follow_ups f join contacts c on c.id = f.contact_id where f.workspace_id = ${ws} and f.demo = 1 and c.demo = 0 limit 1`.execute(raw(store));
  if (fu.rows[0]) return `a demo follow-up is now on ${fu.rows[0].name}, one of your contacts`;
  return null;
}

export async function planDemoRemoval(store: Store): Promise<Omit<DemoRemoval, 'rows' | 'removed'>> {
  const ws = store.workspaceId;
  const demoCount = (table: string) => count(store, sql`select count(*) as n from ${sql.table(table)} where workspace_id = ${ws} and demo = 1`);
  const soleWithDemo = sql`select i.id from interactions i where i.workspace_id = ${ws} and i.demo = 0
    and exists (select 1 from interaction_participants p join contacts c on c.id = p.contact_id where p.interaction_id = i.id and c.demo = 1)
    and not exists (select 1 from interaction_participants p join contacts c on c.id = p.contact_id where p.interaction_id = i.id and c.demo = 0)`;
  const onDemo = (table: string) => count(store, sql`select count(*) as n from ${sql.table(table)} t join contacts c on c.id = t.contact_id where t.workspace_id = ${ws} and t.demo = 0 and c.demo = 1`);
  return {
    contacts: await demoCount('contacts'), organisations: await demoCount('organisations'), interactions: await demoCount('interactions'),
    events: await demoCount('events'), communities: await demoCount('communities'), goals: await demoCount('goals'),
    yours: {
      interactions: await count(store, sql`select count(*) as n from (${soleWithDemo}) s`),
      followUps: await onDemo('follow_ups'),
      actions: await onDemo('actions'),
      links: await count(store, sql`select count(*) as n from links l where l.workspace_id = ${ws} and l.demo = 0
        and exists (select 1 from contacts c where c.demo = 1 and c.id in (l.a_id, l.b_id))`),
    },
  };
}

// Runs inside the caller's transaction.
export async function removeDemoData(ctx: ServiceContext): Promise<DemoRemoval> {
  const { store } = ctx;
  const ws = store.workspaceId;
  const db = raw(store);
  const tied = await tiedToYours(store);
  if (tied) {
    throw new RapportError('conflict', `cannot remove the demo: ${tied} (a demo contact was merged with one of yours, or its record moved). Undo that merge (rapport history) first; nothing was changed.`);
  }
  const plan = await planDemoRemoval(store);
  const before = await totalRows(store);
  const demoContacts = (await sql<{ id: number }>`select id from contacts where workspace_id = ${ws} and demo = 1`.execute(db)).rows.map((r) => Number(r.id));
  // The user's interactions only with demo people go with them (else they would be left with nobody in them).
  await sql`delete from interactions where workspace_id = ${ws} and demo = 0
    and exists (select 1 from interaction_participants p join contacts c on c.id = p.contact_id where p.interaction_id = interactions.id and c.demo = 1)
    and not exists (select 1 from interaction_participants p join contacts c on c.id = p.contact_id where p.interaction_id = interactions.id and c.demo = 0)`.execute(db);
  // A demo organisation one of the user's contacts works at is theirs now.
  await sql`update organisations set demo = 0 where workspace_id = ${ws} and demo = 1 and exists (select 1 from contacts c where c.organisation_id = organisations.id and c.demo = 0)`.execute(db);
  for (const table of ['interactions', 'follow_ups', 'actions', 'links', 'goals', 'events', 'communities'] as const) {
    await sql`delete from ${sql.table(table)} where workspace_id = ${ws} and demo = 1`.execute(db);
  }
  await store.search.remove(store.db, ws, demoContacts);
  await sql`delete from contacts where workspace_id = ${ws} and demo = 1`.execute(db);
  await sql`delete from organisations where workspace_id = ${ws} and demo = 1`.execute(db);
  return { ...plan, rows: before - (await totalRows(store)), removed: true };
}

async function totalRows(store: Store): Promise<number> {
  let n = 0;
  for (const table of [...DEMO_TABLES, 'contact_emails', 'contact_phones', 'contact_web_links', 'contact_tags', 'interaction_participants', 'goal_contacts', 'goal_organisations', 'community_members', 'event_attendees']) {
    n += await count(store, sql`select count(*) as n from ${sql.table(table)} where workspace_id = ${store.workspaceId}`);
  }
  return n;
}

export const demoRemove = defineOperation({
  name: 'demo.remove',
  summary: 'Remove the demo data: every row the demo made, and what you added only with demo people (dryRun says how much, changing nothing); undoable',
  // 404 when there is no demo; 409 when a demo contact was merged into one of yours.
  conflicts: true,
  effect: 'write',
  input: z.object({ dryRun: z.coerce.boolean().default(false) }),
  output: demoRemovalOutput,
  http: { method: 'post', path: '/demo/remove' },
  run: async (ctx, { dryRun }): Promise<DemoRemoval> => {
    if (dryRun) return { ...(await planDemoRemoval(ctx.store)), rows: 0, removed: false };
    const plan = await planDemoRemoval(ctx.store);
    if (plan.contacts + plan.organisations + plan.interactions + plan.events + plan.communities + plan.goals === 0) {
      throw new RapportError('not_found', 'there is no demo data to remove');
    }
    return removeDemoData(ctx);
  },
});
