import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkReport } from '../src/analysis/report.ts';
import { demoLoad } from '../src/services/demo.service.ts';
import { networkGraph, networkReport } from '../src/services/network.service.ts';
import { introFind } from '../src/services/network-intro.service.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('network intelligence on the demo network (%s)', (dialect) => {
  // One demo, read by every test below.
  let t: TestContext;
  let report: NetworkReport;
  let names: Map<number, string>;
  beforeAll(async () => {
    t = await testContext(dialect);
    await t.run(demoLoad, { size: 200, seed: 1 });
    await t.run(settingsUpdate, { situation: 'stepping-into-leadership' });
    report = await t.run(networkReport, {});
    const rows = await t.store.db.selectFrom('contacts').select(['id', 'name']).where('archived', '=', 0).execute();
    names = new Map(rows.map((r) => [r.id, r.name]));
  });
  afterAll(async () => { await t.close(); });

  it('gives advice that names real demo contacts, each named in its text', () => {
    expect(report.advice.length).toBeGreaterThanOrEqual(4);
    const named = report.advice.flatMap((a) => a.people.map((p) => ({ p, text: a.text })));
    expect(named.length).toBeGreaterThanOrEqual(8);
    for (const { p, text } of named) {
      expect(names.get(p.id)).toBe(p.name);
      expect(text).toContain(p.name);
    }
    // Leadership wants 45% strategic; the demo has about a quarter, so strategic is under target and named first.
    expect(report.balance.networks.find((n) => n.network === 'strategic')!.status).toBe('under');
    expect(report.advice[0]).toMatchObject({ kind: 'revive-dormant' });
    expect(report.advice[0]!.people.every((p) => report.dormant.top.some((d) => d.contactId === p.id && d.networks.includes('strategic')))).toBe(true);
  });

  it('reports every section at demo scale: bands, Dunbar, dormant, reciprocity, brokers and labelled clusters', () => {
    const bands = report.balance.bands;
    for (const band of ['strong', 'medium', 'weak', 'dormant'] as const) expect(bands[band]).toBeGreaterThan(3);
    expect(report.dunbar[0]!.people).toHaveLength(5);
    expect(report.dormant.top.length).toBeGreaterThan(3);
    expect(report.reciprocity.overall.given + report.reciprocity.overall.received).toBeGreaterThan(100);
    expect(report.structure.brokers).toHaveLength(10);
    expect(report.structure.bridges[0]!.betweenness).toBeGreaterThan(0);
    // The demo links people mostly inside organisations, so most clusters are named after one.
    const labelled = report.structure.communities.filter((c) => c.labelKind === 'organisation' && c.share >= 0.6);
    expect(labelled.length).toBeGreaterThanOrEqual(4);
    expect(report.structure.modularity).toBeGreaterThan(0.3);
    expect(report.activity.days.reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
  });

  it('finds warm introductions to a dormant strategic contact by name, with a reason and a first step', async () => {
    const target = report.dormant.top.find((d) => d.networks.includes('strategic'))!;
    const r = await t.run(introFind, { target: String(target.contactId), k: 3 });
    expect(r.target.name).toBe(target.name);
    expect(r.paths.length).toBeGreaterThanOrEqual(1);
    for (const p of r.paths) {
      expect(p.people[p.people.length - 1]!.id).toBe(target.contactId);
      expect(p.reason).toContain(p.askFirst.name);
      expect(p.firstStep).toMatch(new RegExp(`Ask ${p.askFirst.name}|Reconnect with ${p.askFirst.name}`));
    }
    const org = await t.run(introFind, { target: 'Northstar Capital', k: 2 });
    expect(org.target).toMatchObject({ kind: 'organisation', name: 'Northstar Capital' });
    expect(org.paths[0]!.reason).toMatch(/Northstar Capital/);
  });

  it('draws at most the nodes asked for, with edges only among them', async () => {
    const g = await t.run(networkGraph, { limit: 50 });
    expect(g.nodes).toHaveLength(51);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(g.edges.filter((e) => e.kind === 'link').length).toBeGreaterThan(20);
    expect(g.communities.length).toBeGreaterThan(2);
  });
});
