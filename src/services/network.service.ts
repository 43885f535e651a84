import { z } from 'zod';
import { graphView, type GraphView } from '../analysis/graph-view.ts';
import { buildNetworkModel, type NetworkModel } from '../analysis/network-graph.ts';
import { buildReport, type NetworkReport } from '../analysis/report.ts';
import { computeStructure, graphMeasures, structureVersion, type Structure } from '../analysis/structure.ts';
import type { BridgeRanking } from '../analysis/bridges.ts';
import { toIsoDay } from '../domain/dates.ts';
import { notFound } from '../domain/errors.ts';
import type { Settings } from '../domain/settings.ts';
import { epochDay } from '../domain/tie-strength.ts';
import { loadNetworkData } from '../store/repositories/network.repository.ts';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import { loadStructure, saveStructure } from '../store/repositories/bridge-rankings.repository.ts';
import { defineOperation, idParam, type ServiceContext } from './operation.ts';
import { graphViewOutput, networkReportOutput } from './schemas/network.ts';
import { bridgeRankingFor, isReadOnly } from './support/bridge-ranking.ts';

// One bulk load and one model per request; every network operation starts here.
export async function loadNetworkModel(ctx: ServiceContext): Promise<{ model: NetworkModel; settings: Settings }> {
  const settings = await loadSettings(ctx.store);
  const data = await loadNetworkData(ctx.store);
  return { model: buildNetworkModel(data, epochDay(toIsoDay(ctx.clock.now()))), settings };
}

// Clusters and constraint as kept for this version of the graph (by the background, or by an earlier report), else
// computed and kept beside the ranking. A read-only database computes them each time.
export async function structureFor(ctx: ServiceContext, model: NetworkModel, ranking: BridgeRanking): Promise<Structure> {
  const version = structureVersion(model.alters, model.contacts.map((c) => c.id));
  const kept = await loadStructure(ctx.store, version);
  if (kept !== null) return computeStructure(model, ranking, kept);
  const measures = graphMeasures(model.alters);
  try {
    await saveStructure(ctx.store, { version, ...measures });
  } catch (error) {
    if (!isReadOnly(error)) throw error;
  }
  return computeStructure(model, ranking, measures);
}

export const networkReport = defineOperation({
  name: 'network.report',
  summary: 'The shape of your three networks against your situation, tie strength, dormant ties, reciprocity, brokers, clusters and advice that names people',
  effect: 'read',
  input: z.object({}),
  output: networkReportOutput,
  http: { method: 'get', path: '/network/report' },
  run: async (ctx): Promise<NetworkReport> => {
    const { model, settings } = await loadNetworkModel(ctx);
    const { ranking, freshness } = await bridgeRankingFor(ctx, model, 'budget');
    return buildReport(model, await structureFor(ctx, model, ranking), settings.situation, freshness);
  },
});

export const GRAPH_DEFAULT_NODES = 300;
export const GRAPH_MAX_NODES = 3000;

export const networkGraph = defineOperation({
  name: 'network.graph',
  summary: 'Your strongest ties (or one contact and the people around it) with the links among them, their clusters and tie strength, for drawing',
  effect: 'read',
  input: z.object({
    limit: z.coerce.number().int().min(1).max(GRAPH_MAX_NODES).default(GRAPH_DEFAULT_NODES),
    focus: idParam.optional(),
  }),
  output: graphViewOutput,
  http: { method: 'get', path: '/network/graph' },
  run: async (ctx, { limit, focus }): Promise<GraphView> => {
    const { model } = await loadNetworkModel(ctx);
    if (focus !== undefined && !model.indexOf.has(focus)) throw notFound('contact', focus);
    const { ranking } = await bridgeRankingFor(ctx, model, 'budget');
    return graphView(model, await structureFor(ctx, model, ranking), { limit, focus: focus ?? null });
  },
});
