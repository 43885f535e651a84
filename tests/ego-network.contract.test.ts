import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactionLog } from '../src/services/interactions.service.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { networkReport } from '../src/services/network.service.ts';
import { introFind } from '../src/services/network-intro.service.ts';
import { addContact } from './support/builders.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// The clock is frozen at 2026-11-23 (tests/support/stores.ts).
const TODAY = '2026-11-23';

describe.each(DIALECTS)('your ego network from real ties, on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  const log = (contactIds: number[], kind: 'coffee' | 'connected', channel: 'in-person' | 'social') =>
    t.run(interactionLog, { contactIds, occurredAt: TODAY, kind, channel });

  it('has no ties at all when you have spoken to nobody, even after a LinkedIn "Connected On"', async () => {
    const ids = [];
    for (const name of ['Ada Lovelace', 'Bob Stone', 'Carol White', 'Dan Brown']) ids.push(await addContact(t, name));
    await log([ids[0]!, ids[1]!], 'connected', 'social');
    const r = await t.run(networkReport, {});
    expect(r.totals.contacts).toBe(4);
    // Before: a tie to all four by construction, constraint near 1/n, effective size near n.
    expect(r.structure.me).toEqual({ degree: 0, effectiveSize: null, efficiency: null, constraint: null });
  });

  it('measures your constraint and effective size over real ties only, as networkx does for the same graph', async () => {
    const [ada, bob, carol, dan, erin, fay] = await Promise.all(['Ada', 'Bob', 'Carol', 'Dan', 'Erin', 'Fay'].map((n) => addContact(t, `${n} Example`)));
    // One coffee today each with Ada, Bob and Carol: strength 60 (docs/tie-strength.md), my tie weighs 60/20 = 3.
    await log([ada!, bob!, carol!], 'coffee', 'in-person');
    // Dan: only "connected" (outside). Erin: never spoken to but linked to Carol (inside, weight max(1, 0)/20).
    // Fay: nothing at all (outside).
    await log([dan!], 'connected', 'social');
    await t.run(linkAdd, { aId: ada, bId: bob, strength: 4 });
    await t.run(linkAdd, { aId: bob, bId: carol, strength: 2 });
    await t.run(linkAdd, { aId: carol, bId: erin, strength: 5 });
    expect(fay).toBeGreaterThan(0);
    const r = await t.run(networkReport, {});
    // Reference values from networkx 3.6.1, outside this code:
    //   G = nx.Graph(); G.add_weighted_edges_from([('M','A',3),('M','B',3),('M','C',3),('M','E',0.05),
    //     ('A','B',4),('B','C',2),('C','E',5)]); G.add_nodes_from(['D','F'])
    //   nx.constraint(G, ['M'], weight='weight')     → 0.7720379954096311
    //   nx.effective_size(G, ['M'], weight='weight') → 2.701657458563536
    expect(r.structure.me.degree).toBe(4);
    expect(r.structure.me.constraint).toBeCloseTo(0.7720379954096311, 12);
    expect(r.structure.me.effectiveSize).toBeCloseTo(2.701657458563536, 12);
    expect(r.structure.me.efficiency).toBeCloseTo(2.701657458563536 / 4, 12);
  });

  it('introduces you only through people you really know: a contact never spoken to is not a way in', async () => {
    // Quinn works at Nova Labs and has never been spoken to nor linked; Ada, spoken to, is linked to Rosa there.
    const quinn = await addContact(t, 'Quinn Never', { organisation: 'Nova Labs' });
    const ada = await addContact(t, 'Ada Known');
    const rosa = await addContact(t, 'Rosa Nova', { organisation: 'Nova Labs' });
    await log([ada], 'coffee', 'in-person');
    const before = await t.run(introFind, { target: 'Nova Labs', kind: 'organisation', k: 3 });
    expect(before.paths).toEqual([]);
    await t.run(linkAdd, { aId: ada, bId: rosa, strength: 4 });
    const after = await t.run(introFind, { target: 'Nova Labs', kind: 'organisation', k: 3 });
    // Until December 2026 you were tied to everyone, so "you → Quinn" was offered as a way into Nova Labs.
    const routes = after.paths.map((p) => p.people.map((x) => x.name));
    expect(routes).toContainEqual(['Ada Known', 'Rosa Nova']);
    expect(after.paths.flatMap((p) => p.people.map((x) => x.id))).not.toContain(quinn);
  });
});
