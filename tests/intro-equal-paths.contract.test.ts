import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactionLog } from '../src/services/interactions.service.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { introFind, type IntroResult } from '../src/services/network-intro.service.ts';
import { renderIntro } from '../src/cli/views/network.view.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// Ada and Bob: one coffee today each (strength 60, my tie weighs 3, a hop costs 1/3). Mid 01..08 and the target
// Tess: never spoken to (a direct hop from me would cost 20). Links, all 5/5 (a hop costs 0.2): Ada knows
// Mid 01..08, Bob knows Mid 01..04, every Mid knows Tess. The best paths are you → Ada|Bob → Mid → Tess, each
// costing 1/3 + 0.2 + 0.2: 8 through Ada and 4 through Bob, 12 in all; any route starting at a Mid costs 20.4.
describe.each(DIALECTS)('introductions with many equally good paths, on %s', (dialect) => {
  let t: TestContext;
  let tess: number;
  beforeEach(async () => {
    t = await testContext(dialect);
    const ada = await addContact(t, 'Ada Lovelace');
    const bob = await addContact(t, 'Bob Stone');
    const mids: number[] = [];
    // Created in reverse name order, so a listing by id or by creation would differ from the listing by name.
    for (let i = 8; i >= 1; i--) mids.unshift(await addContact(t, `Mid 0${i}`));
    tess = await addContact(t, 'Tess Target');
    await t.run(interactionLog, { contactIds: [ada, bob], occurredAt: '2026-11-23', kind: 'coffee', channel: 'in-person' });
    for (const [i, mid] of mids.entries()) {
      await t.run(linkAdd, { aId: ada, bId: mid, strength: 5 });
      if (i < 4) await t.run(linkAdd, { aId: bob, bId: mid, strength: 5 });
      await t.run(linkAdd, { aId: mid, bId: tess, strength: 5 });
    }
  });
  afterEach(async () => { await t.close(); });

  const chains = (r: IntroResult) => r.paths.map((p) => p.people.map((x) => x.name).join(' → '));

  it('counts all 12, groups them as "ask Ada (8) or Bob (4)", and lists the first 10 by name', async () => {
    const r = await t.run(introFind, { target: tess, kind: 'contact', k: 1 });
    expect(r.equallyGood).toEqual({ count: 12, shown: 10, more: 2 });
    expect(r.askFirst.map((a) => [a.name, a.paths])).toEqual([['Ada Lovelace', 8], ['Bob Stone', 4]]);
    expect(chains(r)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `Ada Lovelace → Mid 0${i} → Tess Target`),
      'Bob Stone → Mid 01 → Tess Target',
      'Bob Stone → Mid 02 → Tess Target',
    ]);
    expect(r.paths.every((p) => p.rank === 1)).toBe(true);
    const text = renderIntro(r);
    expect(text).toContain('12 equally good paths; ask one of these 2 people: Ada Lovelace (8 paths), Bob Stone (4 paths)');
    expect(text).toContain('and 2 more equally good paths');
  });

  it('lists every equally good path when the limit allows, and nothing more is said to be missing', async () => {
    const r = await t.run(introFind, { target: tess, kind: 'contact', k: 2 });
    expect(r.equallyGood).toEqual({ count: 12, shown: 12, more: 0 });
    expect(chains(r).slice(8)).toEqual([1, 2, 3, 4].map((i) => `Bob Stone → Mid 0${i} → Tess Target`));
    expect(renderIntro(r)).not.toContain('more equally good paths');
  });
});
