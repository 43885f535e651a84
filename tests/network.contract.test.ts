import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RapportError } from '../src/domain/errors.ts';
import type { NetworkReport } from '../src/analysis/report.ts';
import { networkGraph, networkReport } from '../src/services/network.service.ts';
import { introFind } from '../src/services/network-intro.service.ts';
import { buildNetworkWorld, type NetworkWorld } from './network-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

const kinds = (r: NetworkReport) => r.advice.map((a) => a.kind);
const peopleIn = (r: NetworkReport, kind: string) => r.advice.filter((a) => a.kind === kind).flatMap((a) => a.people.map((p) => p.name));

describe.each(DIALECTS)('network report and introductions on %s', (dialect) => {
  let t: TestContext;
  let w: NetworkWorld;
  beforeEach(async () => {
    t = await testContext(dialect);
    w = await buildNetworkWorld(t);
  });
  afterEach(async () => { await t.close(); });

  it('compares the networks with the leadership target and counts bands, inside and outside', async () => {
    const r = await t.run(networkReport, {});
    // Memberships: operational 6, personal 1, strategic 3 of 10, against 30% / 25% / 45%.
    expect(r.balance.networks.map((n) => [n.network, n.count, n.status])).toEqual([
      ['operational', 6, 'over'], ['personal', 1, 'under'], ['strategic', 3, 'under'],
    ]);
    expect(r.balance.inside).toEqual({ inside: 5, outside: 4, unknown: 1, insideShare: 5 / 9 });
    expect(r.balance.bands).toEqual({ strong: 2, medium: 3, weak: 4, dormant: 1 });
    expect(r.dunbar[0]!.people.slice(0, 2).map((p) => [p.name, p.strength])).toEqual([['Bob Stone', 78], ['Carol White', 78]]);
    expect(r.totals).toMatchObject({ contacts: 10, links: 4 });
  });

  it('ranks Ada first among dormant ties: strategic under target, and at the organisation of an open goal', async () => {
    const r = await t.run(networkReport, {});
    // Peak 67 (three coffees a year ago) × (1 + 0.25 strategic + 0.5 under target) × (1 + 0.5 for one goal) = 175.9
    expect(r.dormant.top).toEqual([expect.objectContaining({ contactId: w.ada, peak: 67, value: 176 })]);
    expect(r.dormant.top[0]!.reasons.join(' ')).toMatch(/Raise a seed round/);
    expect(r.reciprocity.youTakeFrom.map((e) => [e.name, e.received, e.given])).toEqual([['Frank Green', 3, 0]]);
    expect(r.reciprocity.overall).toMatchObject({ received: 3, given: 0 });
  });

  it('ends in advice that names the right people', async () => {
    const r = await t.run(networkReport, {});
    expect(kinds(r)).toEqual(expect.arrayContaining(['revive-dormant', 'under-target', 'goal-without-people', 'one-organisation', 'give-back', 'bridge']));
    expect(peopleIn(r, 'revive-dormant')).toEqual(['Ada Lovelace']);
    expect(peopleIn(r, 'under-target').sort()).toEqual(['Frank Green', 'Grace Hopper']);
    const goals = r.advice.filter((a) => a.kind === 'goal-without-people');
    expect(goals.map((a) => [a.text.match(/“(.+?)”/)?.[1], a.people.map((p) => p.name)])).toEqual([
      ['Find a mentor in product leadership', ['Frank Green']],
      ['Raise a seed round', ['Ada Lovelace']],
    ]);
    const oneOrg = r.advice.find((a) => a.kind === 'one-organisation')!;
    expect(oneOrg.text).toMatch(/operational network is almost all one organisation: 83% at Brightwave \(5 of 6\)/);
    expect(oneOrg.people.map((p) => p.name)).toEqual(['Hank Moore']);
    expect(peopleIn(r, 'give-back')).toEqual(['Frank Green']);
    expect(['Bob Stone', 'Charles Babbage']).toContain(peopleIn(r, 'bridge')[0]);
    for (const a of r.advice) expect(a.text.length).toBeGreaterThan(20);
  });

  it('reports structure: the user as ego, brokers and labelled clusters', async () => {
    const r = await t.run(networkReport, {});
    expect(r.structure.me.degree).toBe(10);
    expect(r.structure.me.effectiveSize).toBeGreaterThan(8);
    expect(r.structure.me.constraint).toBeGreaterThan(0);
    expect(r.structure.isolated).toBe(4); // Frank, Gus, Hank and Grace know nobody else here
    // A small network is ranked exactly, so every bridge shown is settled.
    expect(r.structure.betweenness).toMatchObject({ method: 'exact', settled: r.structure.bridges.length, confidence: 1, samples: 0 });
    expect(r.structure.bridges.length).toBeGreaterThan(0);
    const labels = r.structure.communities.map((c) => c.label);
    expect(labels).toContain('Brightwave');
  });

  it('finds both equally good introduction paths to Charles, each saying whom to ask and how', async () => {
    const r = await t.run(introFind, { target: 'Charles', k: 1 });
    expect(r.target).toMatchObject({ kind: 'contact', id: w.charles, name: 'Charles Babbage', tie: { strength: 0, band: 'weak' } });
    expect(r.paths.map((p) => [p.rank, p.askFirst.name])).toEqual([[1, 'Bob Stone'], [1, 'Carol White']]);
    expect(r.paths[0]!.reason).toBe('Bob Stone is a strong tie (78) and knows Charles Babbage very well (5/5).');
    expect(r.paths[0]!.firstStep).toBe('Ask Bob Stone for an introduction to Charles Babbage (use the introduction-request template).');
    expect(r.paths[0]!.hops.map((h) => [h.from?.name ?? 'you', h.to.name, h.strength, h.scale])).toEqual([
      ['you', 'Bob Stone', 78, 'tie'], ['Bob Stone', 'Charles Babbage', 5, 'link'],
    ]);
    // With k = 3 the third path runs through Ada, a dormant tie: reconnect with her first.
    const three = await t.run(introFind, { target: String(w.charles), k: 3 });
    expect(three.paths.map((p) => p.people.map((x) => x.name).join(' → '))).toEqual([
      'Bob Stone → Charles Babbage', 'Carol White → Charles Babbage', 'Ada Lovelace → Bob Stone → Charles Babbage',
    ]);
    expect(three.paths[2]).toMatchObject({ rank: 3, template: 'reconnect' });
    expect(three.paths[2]!.firstStep).toMatch(/^Reconnect with Ada Lovelace first .*introduce you to Bob Stone, who can introduce you to Charles Babbage/);
    const hops = await t.run(introFind, { target: w.charles, kind: 'contact', k: 1, by: 'hops' });
    expect(hops.paths.map((p) => [p.rank, p.cost])).toEqual([[1, 2], [1, 2]]);
  });

  it('reaches an organisation through anyone there, a direct contact at it included', async () => {
    const r = await t.run(introFind, { target: 'orbit labs', k: 3 });
    expect(r.target).toMatchObject({ kind: 'organisation', id: w.orbit, name: 'Orbit Labs', members: 3 });
    expect(r.paths.map((p) => [p.rank, p.people.map((x) => x.name).join(' → ')])).toEqual([
      [1, 'Bob Stone → Charles Babbage'], [1, 'Carol White → Charles Babbage'], [3, 'Grace Hopper'],
    ]);
    expect(r.paths[0]!.reason).toBe('Bob Stone is a strong tie (78) and knows Charles Babbage at Orbit Labs very well (5/5).');
    expect(r.paths[2]!.reason).toBe('Grace Hopper works at Orbit Labs and is a weak tie (34).');
    expect(r.paths[2]!.firstStep).toBe('Ask Grace Hopper for a conversation about Orbit Labs (use the coffee-request template).');
    const byId = await t.run(introFind, { target: String(w.acme), kind: 'organisation', k: 1 });
    expect(byId.paths[0]!.askFirst.name).toBe('Ada Lovelace');
  });

  it('names an unknown target, and lists the candidates of an ambiguous one', async () => {
    await expect(t.run(introFind, { target: 'Zebedee' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Zebedee') });
    await expect(t.run(introFind, { target: '9999' })).rejects.toMatchObject({ code: 'not_found' });
    const error = await t.run(introFind, { target: 'b' }).catch((e: unknown) => e as RapportError);
    expect(error).toMatchObject({ code: 'ambiguous' });
    expect((error as RapportError).candidates.map((c) => c.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^Bob Stone/), 'Orbit Labs — organisation']));
  });

  it('draws the graph around a focus contact, with you in the middle', async () => {
    // Five places: Charles, the two who know him, one of their contacts (Ada), then the strongest tie left (Dan, 53).
    const g = await t.run(networkGraph, { focus: w.charles, limit: 5 });
    expect(g.focus).toBe(w.charles);
    expect(g.nodes.map((n) => n.name)).toEqual(['You', 'Charles Babbage', 'Bob Stone', 'Carol White', 'Ada Lovelace', 'Dan Brown']);
    expect(g.edges).toEqual(expect.arrayContaining([
      { source: w.bob, target: w.charles, kind: 'link', weight: 5 },
      { source: 0, target: w.bob, kind: 'me', weight: 78 },
    ]));
    expect(g.truncated).toBe(true);
    await expect(t.run(networkGraph, { focus: 9999 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe.each(DIALECTS)('network report on an empty database (%s)', (dialect) => {
  it('says nothing is there rather than failing', async () => {
    const t = await testContext(dialect);
    try {
      const r = await t.run(networkReport, {});
      expect(r.totals).toMatchObject({ contacts: 0, links: 0, interactions: 0 });
      expect(r.structure.me).toEqual({ degree: 0, effectiveSize: null, efficiency: null, constraint: null });
      expect(r.advice).toEqual([]);
      expect(r.activity.days.length).toBeGreaterThanOrEqual(365);
    } finally {
      await t.close();
    }
  });
});
