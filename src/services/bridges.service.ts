// `rapport bridges`: exact betweenness whatever it costs, kept so that later reports use it until the links change.
import { z } from 'zod';
import { loadNetworkModel, structureFor } from './network.service.ts';
import { defineOperation } from './operation.ts';
import { bridgeRankingFor } from './support/bridge-ranking.ts';

export const bridgesRankOutput = z.object({
  method: z.enum(['exact', 'sampled']),
  contacts: z.number().int(),
  links: z.number().int(),
  computedAt: z.string(),
  reused: z.boolean(),
  kept: z.enum(['saved', 'unchanged', 'read-only']),
  seconds: z.number(),
  top: z.array(z.object({ id: z.number().int(), name: z.string(), betweenness: z.number() })),
});
export type BridgesRankResult = z.infer<typeof bridgesRankOutput>;

export const bridgesRank = defineOperation({
  name: 'bridges.rank',
  summary: 'Rank the bridges between your clusters by exact betweenness and keep the result, so reports use it until your links change (minutes at 30,000 contacts)',
  // It keeps a derived cache only; the user's data is not changed, and no write transaction is held while computing.
  effect: 'read',
  input: z.object({}),
  output: bridgesRankOutput,
  http: { method: 'post', path: '/network/bridges' },
  run: async (ctx): Promise<BridgesRankResult> => {
    const { model } = await loadNetworkModel(ctx);
    const started = performance.now();
    const { ranking, kept } = await bridgeRankingFor(ctx, model, 'exact');
    // Clusters and constraint of the same graph are kept too, so the next report computes neither.
    if (kept !== 'read-only') await structureFor(ctx, model, ranking);
    return {
      method: ranking.method, contacts: model.contacts.length, links: model.links.length, computedAt: ranking.computedAt, reused: ranking.reused, kept,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      top: [...ranking.top].map((i) => ({ id: model.contacts[i]!.id, name: model.contacts[i]!.name, betweenness: ranking.values[i]! })),
    };
  },
});
