import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { authSetPassword, authStatus, loadPasswordHash, passwordMatches } from '../src/services/auth.service.ts';
import { backupRestore } from '../src/services/backup-restore.ts';
import { calendar } from '../src/services/calendar.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { organisationCreate, organisationUpdate } from '../src/services/organisations.service.ts';
import { buildWorld, type World } from './backup-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

type Json = Record<string, unknown> & { [k: string]: never[] | unknown };
type Row = Record<string, unknown>;

// One bad value planted in an otherwise good backup, and the path the refusal must name.
const CRAFTED: { what: string; plant: (b: Record<string, Row[]>, w: World) => void; path: (w: World) => string; message: RegExp }[] = [
  { what: 'a javascript: web link', plant: (b) => { (b.contacts![0]!.webLinks as Row[])[0]!.url = 'javascript:alert(1)'; }, path: (w) => `contacts[0] (id ${w.ada.id}).webLinks.0.url`, message: /http, https or mailto/ },
  { what: 'a data: web link', plant: (b) => { b.contacts![1]!.webLinks = [{ url: 'data:text/html,<script>alert(1)</script>', label: null }]; }, path: (w) => `contacts[1] (id ${w.charles.id}).webLinks.0.url`, message: /http, https or mailto/ },
  { what: 'a javascript: organisation website', plant: (b) => { b.organisations![0]!.website = 'javascript:alert(20)'; }, path: () => 'organisations[0] (id 1).website', message: /http, https or mailto/ },
  { what: 'cadence 0', plant: (b) => { b.contacts![0]!.cadenceDays = 0; }, path: (w) => `contacts[0] (id ${w.ada.id}).cadenceDays`, message: /at least 1 day/ },
  { what: 'cadence -5', plant: (b) => { b.contacts![2]!.cadenceDays = -5; }, path: (w) => `contacts[2] (id ${w.grace.id}).cadenceDays`, message: /at least 1 day/ },
  { what: 'nextDueOn "not-a-date"', plant: (b) => { b.contacts![3]!.nextDueOn = 'not-a-date'; }, path: (w) => `contacts[3] (id ${w.alan.id}).nextDueOn`, message: /YYYY-MM-DD/ },
  { what: 'an unknown interaction kind', plant: (b) => { b.interactions![0]!.kind = 'bogus-kind'; }, path: (w) => `interactions[0] (id ${w.interaction.id}).kind`, message: /unknown interaction kind "bogus-kind"/ },
  { what: 'an impossible follow-up day', plant: (b) => { b.followUps![0]!.dueOn = '2026-02-30'; }, path: () => 'followUps[0] (id 1).dueOn', message: /YYYY-MM-DD/ },
  { what: 'a link strength of 9', plant: (b) => { b.links![0]!.strength = 9; }, path: (w) => `links[0] (ids ${w.ada.id}-${w.charles.id}).strength`, message: /5/ },
  { what: 'an unknown goal kind', plant: (b) => { b.goals![0]!.kind = 'world-domination'; }, path: (w) => `goals[0] (id ${w.goalId}).kind`, message: /unknown goal kind/ },
  { what: 'an action without a description', plant: (b) => { b.actions![0]!.description = '  '; }, path: () => 'actions[0] (id 1).description', message: /needs a description/ },
  { what: 'an unknown event kind', plant: (b) => { b.events![0]!.kind = 'rave'; }, path: (w) => `events[0] (id ${w.eventId}).kind`, message: /unknown event kind/ },
  { what: 'a bad tag', plant: (b) => { b.contacts![0]!.tags = ['a,b']; }, path: (w) => `contacts[0] (id ${w.ada.id}).tags.0`, message: /comma/ },
  { what: 'a bad email', plant: (b) => { (b.contacts![0]!.emails as Row[])[0]!.address = 'not-an-email'; }, path: (w) => `contacts[0] (id ${w.ada.id}).emails.0.address`, message: /not an email address/ },
  { what: 'an interaction with someone not in the backup', plant: (b) => { b.interactions![0]!.contactIds = [9999]; }, path: (w) => `interactions[0] (id ${w.interaction.id}).contactIds.0`, message: /names contacts id 9999, which the backup does not hold/ },
  { what: 'two organisations with one id', plant: (b) => { b.organisations!.push({ ...b.organisations![0]!, name: 'A Copy', website: null }); }, path: () => 'organisations[2] (id 1).id', message: /a second organisations row with id 1/ },
  { what: 'an out-of-range setting', plant: (b) => { (b as unknown as { settings: Row }).settings.eventFollowUpDays = 999; }, path: () => 'settings.eventFollowUpDays', message: /60/ },
];

describe.each(DIALECTS)('safe backups on %s', (dialect) => {
  let t: TestContext;
  let fresh: TestContext;
  let world: World;
  let good: string;
  const backupOf = async (ctx: TestContext) => (await ctx.run(exportOp, { format: 'json' })).content;
  beforeAll(async () => {
    t = await testContext(dialect);
    fresh = await testContext(dialect);
    world = await buildWorld(t);
    await t.run(authSetPassword, { newPassword: 'correct horse battery' });
    good = await backupOf(t);
  });
  afterAll(async () => {
    await t?.close();
    await fresh?.close();
  });

  it('no export carries the password hash or any other credential', async () => {
    const hash = await loadPasswordHash(t.store);
    expect(hash).toMatch(/^\$argon2/);
    const texts = [
      good,
      (await t.run(exportOp, { format: 'csv' })).content,
      (await t.run(exportOp, { format: 'vcard' })).content,
      (await t.run(calendar, {})).content,
    ];
    for (const text of texts) {
      expect(text).not.toContain(hash!);
      expect(text).not.toMatch(/argon2|password|auth\./i);
    }
    expect(Object.keys((JSON.parse(good) as { settings: Json }).settings).sort()).toEqual(['cadenceOverrides', 'calendarAlarmMinutes', 'datesAheadDays', 'defaultRegion', 'digest', 'eventFollowUpDays', 'mcpAllowWrites', 'mcpBlockedTools', 'myName', 'newContactFollowUpDays', 'onboarded', 'situation', 'webBaseUrl']);
  });

  it('a restore never brings a password back, nor replaces the one already set', async () => {
    const planted = JSON.parse(good) as { settings: Json };
    planted.settings['auth.password-hash'] = await loadPasswordHash(t.store);
    const other = await testContext(dialect);
    try {
      await other.run(backupRestore, { content: JSON.stringify(planted) });
      expect(await other.run(authStatus, {})).toEqual({ passwordSet: false });
      expect(await backupOf(other)).toBe(good);
    } finally {
      await other.close();
    }
    const guarded = await testContext(dialect);
    try {
      await guarded.run(authSetPassword, { newPassword: 'my own password' });
      await guarded.run(backupRestore, { content: JSON.stringify(planted) });
      expect(await passwordMatches((await loadPasswordHash(guarded.store))!, 'my own password')).toBe(true);
    } finally {
      await guarded.close();
    }
  });

  it.each(CRAFTED)('refuses a backup with $what, naming the entity, row and field, and writes nothing', async ({ plant, path, message }) => {
    const crafted = JSON.parse(good) as Record<string, Row[]>;
    plant(crafted, world);
    const before = await backupOf(fresh);
    const error = await fresh.run(backupRestore, { content: JSON.stringify(crafted), filename: 'crafted.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    const e = error as RapportError;
    expect(e.code).toBe('invalid');
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.path).toBe(path(world));
    expect(e.problems[0]!.message).toMatch(message);
    expect(e.message).toContain(`crafted.json: 1 value in the backup would be refused by Rapport, so nothing was restored: ${path(world)}: `);
    expect(await backupOf(fresh)).toBe(before);
  });

  it('names every rejected row, not just the first', async () => {
    const crafted = JSON.parse(good) as Record<string, Row[]>;
    for (const c of CRAFTED) c.plant(crafted, world);
    const error = (await fresh.run(backupRestore, { content: JSON.stringify(crafted) }).catch((e: unknown) => e)) as RapportError;
    expect(error.problems.map((p) => p.path).sort()).toEqual(CRAFTED.map((c) => c.path(world)).sort());
    expect(error.message).toMatch(/17 values in the backup would be refused.*; and 7 more$/);
    expect((await fresh.run(exportOp, { format: 'json' })).content).not.toContain('Ada');
  });

  it('an organisation website is http, https or mailto, through the operations too', async () => {
    for (const website of ['javascript:alert(20)', 'data:text/html,x', 'mailto:']) {
      const error = await t.run(organisationCreate, { name: `Evil ${website}`, website }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RapportError);
      expect((error as RapportError).problems[0]).toMatchObject({ path: 'website' });
    }
    const error = await t.run(organisationUpdate, { id: 1, website: 'javascript:alert(20)' }).catch((e: unknown) => e);
    expect((error as RapportError).problems[0]).toMatchObject({ path: 'website' });
    const ok = await t.run(organisationCreate, { name: 'Plain Site', website: 'example.org' });
    expect(ok.website).toBe('https://example.org');
    const mail = await t.run(organisationCreate, { name: 'Mail Only', website: 'mailto:hello@example.org' });
    expect(mail.website).toBe('mailto:hello@example.org');
  });
});
