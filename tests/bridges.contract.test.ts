import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rankBridges } from '../src/analysis/bridges.ts';
import { buildReport, type NetworkReport } from '../src/analysis/report.ts';
import { computeStructure } from '../src/analysis/structure.ts';
import { renderReport } from '../src/cli/views/network.view.ts';
import { bridgesRank } from '../src/services/bridges.service.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { loadNetworkModel, networkReport } from '../src/services/network.service.ts';
import { buildNetworkWorld, type NetworkWorld } from './network-world.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

const bridgeNames = (r: NetworkReport) => r.structure.bridges.map((p) => p.name);
const adviceKinds = (r: NetworkReport) => r.advice.map((a) => a.kind);
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe.each(DIALECTS)('bridge ranking on %s', (dialect) => {
  let t: TestContext;
  let w: NetworkWorld;
  beforeEach(async () => {
    t = await testContext(dialect);
    w = await buildNetworkWorld(t);
  });
  afterEach(async () => { await t.close(); });

  // The report's ranking under a forced estimate: no exact computation, at most `samples` sampled paths.
  async function estimatedReport(samples: number): Promise<NetworkReport> {
    const { model, settings } = await loadNetworkModel(t);
    const ranking = await rankBridges(model.alters, { version: 'test', cached: null, now: t.clock.now(), mode: 'budget', exactWorkBudget: 0, maxSamples: samples });
    return buildReport(model, computeStructure(model, ranking), settings.situation);
  }

  it('keeps the ranking: the next report reuses it until a new link changes the network', async () => {
    const first = await t.run(networkReport, {});
    expect(first.structure.betweenness).toMatchObject({ method: 'exact', reused: false, computedAt: '2026-11-23T12:00:00.000Z' });
    // Bob (Ada–Charles, Ada–Carol) and Charles (Bob–Carol, Ada–Carol) lie on two pairs' paths each.
    expect(bridgeNames(first)).toEqual(['Bob Stone', 'Charles Babbage']);
    const second = await t.run(networkReport, {});
    expect(second.structure.betweenness).toMatchObject({ method: 'exact', reused: true });
    expect(bridgeNames(second)).toEqual(bridgeNames(first));

    // Dan now joins Erin to Charles's group: the cached ranking no longer fits and is recomputed.
    await t.run(linkAdd, { aId: w.dan, bId: w.charles, strength: 3 });
    const third = await t.run(networkReport, {});
    expect(third.structure.betweenness.reused).toBe(false);
    expect(bridgeNames(third)[0]).toBe('Charles Babbage');
    expect(bridgeNames(third)).toContain('Dan Brown');
  });

  it('an estimate whose first place is not settled names no bridge, and the report says so', async () => {
    // Bob and Charles tie exactly for first place: no number of samples can separate them.
    const r = await estimatedReport(2000);
    expect(r.structure.betweenness).toMatchObject({ method: 'sampled', settled: 0, samples: 2000, confidence: 0.95 });
    expect(adviceKinds(r)).not.toContain('bridge');
    const text = plain(renderReport(r));
    expect(text).toContain('bridges (highest betweenness): estimated from 2,000 sampled shortest paths, no place is settled yet, so nobody is named as the bridge; `rapport bridges` ranks them exactly');
    expect(text).toMatch(/betweenness ≈\d+/);
  });

  it('a settled estimate names its leader as the bridge', async () => {
    // Bob now also joins Dan, Erin and Gus to the rest: he lies on far more paths than anyone else.
    for (const other of [w.dan, w.gus, w.hank]) await t.run(linkAdd, { aId: w.bob, bId: other, strength: 3 });
    const r = await estimatedReport(200_000);
    expect(r.structure.betweenness.method).toBe('sampled');
    expect(r.structure.betweenness.settled).toBeGreaterThanOrEqual(1);
    expect(r.advice.find((a) => a.kind === 'bridge')?.people.map((p) => p.name)).toEqual(['Bob Stone']);
    expect(plain(renderReport(r))).toMatch(/sampled shortest paths, (the first \d+|all \d+) places settled \(95% sure\)/);
  });

  it('`bridges.rank` computes the exact ranking and keeps it for the report', async () => {
    const ranked = await t.run(bridgesRank, {});
    expect(ranked).toMatchObject({ method: 'exact', reused: false, kept: 'saved', contacts: 10, links: 4 });
    expect(ranked.top.map((p) => [p.name, p.betweenness])).toEqual([['Bob Stone', 2], ['Charles Babbage', 2]]);
    const report = await t.run(networkReport, {});
    expect(report.structure.betweenness).toMatchObject({ method: 'exact', reused: true });
  });
});
