import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactErase, contactGet, contactUpdate } from '../src/services/contacts.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { exportOp } from '../src/services/export.service.ts';
import { syncAdd, syncList, syncRun, syncTest } from '../src/services/sync/accounts.service.ts';
import { syncConflicts, syncResolve } from '../src/services/sync/sync-issues.service.ts';
import { carddavSyncer } from '../src/services/sync/carddav-syncer.ts';
import { findAccount } from '../src/services/sync/accounts.service.ts';
import { addContact } from './support/builders.ts';
import { radicaleAvailable, startRadicale, type Radicale } from './support/radicale.ts';
import { testContext, type TestContext } from './support/stores.ts';


const card = (uid: string, lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, ...lines, 'END:VCARD', ''].join('\r\n');

describe.runIf(radicaleAvailable)('two-way CardDAV against a real Radicale', () => {
  let t: TestContext;
  let r: Radicale;
  beforeEach(async () => {
    t = await testContext('sqlite');
    r = await startRadicale();
  });
  afterEach(async () => {
    await r.close();
    await t.close();
  });

  const connect = (extra: Record<string, unknown> = {}) => t.run(syncAdd, { kind: 'carddav', name: 'phone', url: r.url, username: r.user, password: r.password, ...extra });
  const sync = async () => {
    const [out] = await t.run(syncRun, { name: 'phone' });
    expect(out!.result!.errors).toEqual([]);
    return out!.result!;
  };
  const contacts = async () => (await t.store.db.selectFrom('contacts').select(['id', 'name', 'title', 'archived']).orderBy('name').execute());
  const contact = (id: number) => t.run(contactGet, { id });

  it('finds the address book through /.well-known/carddav and says which one it syncs', async () => {
    await connect();
    const res = await t.run(syncTest, { name: 'phone' });
    expect(res.detail).toContain('"Contacts"');
    expect(res.detail).toContain(r.addressBookUrl);
  });

  it('first sync: matches by email and phone, keeps a name-only match apart for review, uploads the rest', async () => {
    const ada = await addContact(t, 'Ada Lovelace', { emails: [{ address: 'ada@example.org' }], networks: ['strategic'] });
    await addContact(t, 'Grace Hopper', { phones: [{ number: '+44 20 7946 0000' }] });
    await addContact(t, 'Alan Turing', { title: 'Mathematician' });
    await addContact(t, 'Only In Rapport');
    await r.put('ada.vcf', card('ada', ['FN:Ada Lovelace', 'N:Lovelace;Ada;;;', 'EMAIL:ADA@example.org', 'X-PHONETIC-FIRST-NAME:Ay-da']));
    await r.put('grace.vcf', card('grace', ['FN:Grace B. Hopper', 'N:Hopper;Grace;;;', 'TEL;TYPE=CELL:+442079460000']));
    await r.put('alan.vcf', card('alan', ['FN:Alan Turing', 'N:Turing;Alan;;;', 'TITLE:Codebreaker']));
    await r.put('new.vcf', card('new', ['FN:Katherine Johnson', 'N:Johnson;Katherine;;;']));
    await connect();
    const res = await sync();

    expect((await contacts()).map((c) => c.name)).toEqual(['Ada Lovelace', 'Alan Turing', 'Alan Turing', 'Grace Hopper', 'Katherine Johnson', 'Only In Rapport']);
    expect(res.review?.join('\n')).toMatch(/Alan Turing .*alan\.vcf.*same name/);
    // Rapport's networks went up to the server with Ada's card; the property Rapport does not model stayed.
    const up = await r.get('ada.vcf');
    expect(up.body).toContain('X-RAPPORT-NETWORKS:strategic');
    expect(up.body).toContain('X-PHONETIC-FIRST-NAME:Ay-da');
    expect((await contact(ada)).emails.map((e) => e.address)).toEqual(['ada@example.org']);
    // Rapport's own Alan Turing was kept apart from the server's, so it went up as a card of its own.
    expect((await r.list()).filter((h) => h.startsWith('rapport-'))).toHaveLength(2);
    expect(await r.list()).toHaveLength(6);
    // Nothing changed on either side: the second sync does nothing.
    expect(await sync()).toMatchObject({ created: 0, updated: 0, deleted: 0, archived: 0, conflicts: 0 });
  });

  it('an edit on either side reaches the other, with the unmodelled properties unchanged', async () => {
    await r.put('ada.vcf', card('ada', ['FN:Ada Lovelace', 'N:Lovelace;Ada;;;', 'EMAIL:ada@example.org', 'X-CUSTOM;X-PARAM=1:kept as is']));
    await connect();
    await sync();
    const [c] = await contacts();
    // Edited in the address book app.
    const before = await r.get('ada.vcf');
    await r.put('ada.vcf', before.body.replace('FN:Ada Lovelace', 'FN:Ada King').replace('N:Lovelace;Ada;;;', 'N:King;Ada;;;'), before.etag!);
    expect(await sync()).toMatchObject({ updated: 1 });
    expect((await contact(c!.id)).name).toBe('Ada King');
    // Edited in Rapport.
    await t.run(contactUpdate, { id: c!.id, title: 'Countess', phones: [{ number: '+44 20 7946 0001', label: 'work' }] });
    expect(await sync()).toMatchObject({ updated: 1 });
    const after = await r.get('ada.vcf');
    expect(after.body).toContain('TITLE:Countess');
    expect(after.body).toContain('TEL;TYPE=work:+44 20 7946 0001');
    expect(after.body).toContain('FN:Ada King');
    expect(after.body).toContain('X-CUSTOM;X-PARAM=1:kept as is');
    expect(await sync()).toMatchObject({ updated: 0 });
  });

  it('a delete on the server erases a contact with no history, and archives and lists one with interactions', async () => {
    await r.put('a.vcf', card('a', ['FN:No History', 'N:History;No;;;']));
    await r.put('b.vcf', card('b', ['FN:Met Before', 'N:Before;Met;;;']));
    await connect();
    await sync();
    const met = (await contacts()).find((c) => c.name === 'Met Before')!;
    await t.run(interactionLog, { contactIds: [met.id], kind: 'meeting', channel: 'in-person', occurredAt: '2026-11-20', summary: 'coffee' });
    await r.remove('a.vcf');
    await r.remove('b.vcf');
    expect(await sync()).toMatchObject({ deleted: 1, archived: 1 });
    expect((await contacts()).map((c) => [c.name, c.archived])).toEqual([['Met Before', 1]]);
    const issues = await t.run(syncConflicts, {});
    expect(issues).toMatchObject([{ kind: 'deleted-on-server', contact: 'Met Before' }]);
    expect(issues[0]!.reason).toContain('interactions or goals');
  });

  it('a contact erased in Rapport is deleted from the server', async () => {
    await r.put('a.vcf', card('a', ['FN:To Erase', 'N:Erase;To;;;']));
    await r.put('b.vcf', card('b', ['FN:To Keep', 'N:Keep;To;;;']));
    await connect();
    await sync();
    const gone = (await contacts()).find((c) => c.name === 'To Erase')!;
    await t.run(contactErase, { ids: [gone.id] });
    expect(await sync()).toMatchObject({ deleted: 1 });
    expect(await r.list()).toEqual(['b.vcf']);
  });

  it('edits of different fields on both sides merge; the same field changed both ways is listed, then settled', async () => {
    await r.put('a.vcf', card('a', ['FN:Ada Lovelace', 'N:Lovelace;Ada;;;', 'TITLE:Analyst', 'ORG:Engines Ltd']));
    await connect();
    await sync();
    const [c] = await contacts();
    // Different fields: the server changes the organisation, Rapport the title.
    let there = await r.get('a.vcf');
    await r.put('a.vcf', there.body.replace('ORG:Engines Ltd', 'ORG:Analytical Society'), there.etag!);
    await t.run(contactUpdate, { id: c!.id, title: 'Programmer' });
    expect(await sync()).toMatchObject({ updated: 1, conflicts: 0 });
    const merged = await contact(c!.id);
    expect([merged.title, merged.organisation]).toEqual(['Programmer', 'Analytical Society']);
    there = await r.get('a.vcf');
    expect(there.body).toContain('TITLE:Programmer');
    expect(there.body).toContain('ORG:Analytical Society');

    // The same field: listed, neither side overwritten.
    await r.put('a.vcf', there.body.replace('TITLE:Programmer', 'TITLE:Poet'), there.etag!);
    await t.run(contactUpdate, { id: c!.id, title: 'Mathematician' });
    expect(await sync()).toMatchObject({ conflicts: 1, updated: 0 });
    const [issue] = await t.run(syncConflicts, {});
    expect(issue).toMatchObject({ kind: 'conflict', contact: 'Ada Lovelace', fields: [{ field: 'title', rapport: 'Mathematician', server: 'Poet' }] });
    expect((await contact(c!.id)).title).toBe('Mathematician');
    expect((await r.get('a.vcf')).body).toContain('TITLE:Poet');
    // The user keeps the server's: applied at the next sync, and the conflict is gone from the list.
    await t.run(syncResolve, { id: issue!.id, keep: 'server' });
    await sync();
    expect((await contact(c!.id)).title).toBe('Poet');
    expect(await t.run(syncConflicts, {})).toEqual([]);
  });

  it('a 412 on upload (changed on the server meanwhile) is read again and merged, not overwritten', async () => {
    await r.put('a.vcf', card('a', ['FN:Ada Lovelace', 'N:Lovelace;Ada;;;', 'TITLE:Analyst']));
    await connect();
    await sync();
    const [c] = await contacts();
    await t.run(contactUpdate, { id: c!.id, location: 'London' });
    // Another client writes between Rapport's listing and its upload.
    let once = false;
    const racing: typeof fetch = async (input, init) => {
      if (!once && init?.method === 'PUT') {
        once = true;
        const there = await r.get('a.vcf');
        await r.put('a.vcf', there.body.replace('TITLE:Analyst', 'TITLE:Countess'), there.etag!);
      }
      return fetch(input, init);
    };
    const account = await findAccount(t.store, 'phone');
    const res = await t.store.transaction((tx) => carddavSyncer({ fetch: racing }).sync({ ...t, store: tx }, account));
    expect(res.errors).toEqual([]);
    const body = (await r.get('a.vcf')).body;
    expect(body).toContain('TITLE:Countess');
    expect(body).toMatch(/ADR[^\r]*London|London/);
    expect((await contact(c!.id)).title).toBe('Countess');
  });

  it('the server stopped mid-sync and restarted: the next sync finishes with no duplicate and nothing lost', async () => {
    for (let i = 1; i <= 6; i++) await addContact(t, `Person ${i}`, { emails: [{ address: `p${i}@example.org` }] });
    await r.put('s.vcf', card('s', ['FN:Server Side', 'N:Side;Server;;;', 'EMAIL:server@example.org']));
    await connect();
    // The server stops once three uploads are answered; uploads sent meanwhile (they go a few at a time) reach it
    // after it stopped.
    let sent = 0, answered = 0;
    let stopped!: () => void;
    const down = new Promise<void>((resolve) => { stopped = resolve; });
    const dying: typeof fetch = async (input, init) => {
      if (init?.method !== 'PUT') return fetch(input, init);
      if (++sent > 3) await down;
      const res = await fetch(input, init);
      if (++answered === 3) { await r.stop(); stopped(); }
      return res;
    };
    const account = await findAccount(t.store, 'phone');
    const first = await t.store.transaction((tx) => carddavSyncer({ fetch: dying }).sync({ ...t, store: tx }, account));
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0]!.message).toMatch(/account "phone": cannot reach .*ECONNREFUSED/);
    expect(first.created).toBe(4); // the server's card and the three uploads answered
    await r.start();
    await sync();
    expect(await r.list()).toHaveLength(7);
    expect((await contacts()).map((c) => c.name)).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5', 'Person 6', 'Server Side']);
    expect(await sync()).toMatchObject({ created: 0, updated: 0 });
  });

  it('a wrong password and a server that is down are named with the account, recorded, and change nothing', async () => {
    await addContact(t, 'Ada Lovelace');
    await connect({ password: 'wrong' });
    const [out] = await t.run(syncRun, { name: 'phone' });
    expect(out!.error).toMatch(/account "phone": .* refused user "ada" \(401\); check the user name and the stored password/);
    const [listed] = await t.run(syncList, {});
    expect(listed!.lastError).toMatch(/refused user "ada"/);
    expect(await r.list()).toEqual([]);
    await r.stop();
    await expect(t.run(syncTest, { name: 'phone' })).rejects.toThrow(/account "phone": cannot reach http:\/\/127\.0\.0\.1:\d+ .*ECONNREFUSED.*server is running/);
  });

  it('uploads only the chosen networks or tags', async () => {
    await addContact(t, 'Work Person', { networks: ['operational'] });
    await addContact(t, 'Tagged Person', { tags: ['phone'] });
    await addContact(t, 'Private Person', { networks: ['personal'] });
    await connect({ options: { networks: ['operational'], tags: ['phone'] } });
    expect(await sync()).toMatchObject({ created: 2 });
    const bodies = await Promise.all((await r.list()).map(async (h) => (await r.get(h)).body));
    expect(bodies.map((b) => /FN:(.*)/.exec(b)![1]!.trim()).sort()).toEqual(['Tagged Person', 'Work Person']);
  });

  it('a password read from the environment is never stored, and a stored one never leaves in a backup', async () => {
    process.env.RAPPORT_TEST_CARDDAV = r.password;
    try {
      await t.run(syncAdd, { kind: 'carddav', name: 'env', url: r.url, username: r.user, passwordEnv: 'RAPPORT_TEST_CARDDAV' });
      expect((await t.run(syncTest, { name: 'env' })).detail).toContain('signed in as ada');
    } finally {
      delete process.env.RAPPORT_TEST_CARDDAV;
    }
    await expect(t.run(syncTest, { name: 'env' })).rejects.toThrow(/account "env": the environment variable RAPPORT_TEST_CARDDAV holding its password is not set/);
    await connect();
    const rows = await t.store.db.selectFrom('connected_accounts').select(['name', 'secret']).orderBy('name').execute();
    expect(rows).toEqual([{ name: 'env', secret: null }, { name: 'phone', secret: r.password }]);
    const backup = await t.run(exportOp, { format: 'json' });
    expect(backup.content).not.toContain(r.password);
    expect(backup.content).not.toContain(r.url);
  });
});
