import { z } from 'zod';
import { DUNBAR_LAYERS } from '../../domain/balance.ts';
import { SITUATIONS } from '../../domain/situations.ts';
import { count, day, id, instant, network, out, tieBand } from './common.ts';

const share = z.number();
const ratio = z.number().nullable();

const personRef = out({ id, name: z.string(), organisation: z.string().nullable(), networks: z.array(network), strength: z.number(), band: tieBand });
const structurePerson = out({
  ...personRef.shape,
  degree: count, constraint: ratio, effectiveSize: ratio, efficiency: ratio, betweenness: z.number(), community: z.number().int(),
});
const dunbarLayerFields = {
  layer: z.union(DUNBAR_LAYERS.map((n) => z.literal(n))),
  fromRank: count,
  toRank: count,
  filled: count,
  meanStrength: z.number(),
};
const diversity = out({ blau: share, distinct: count, known: count, top: out({ name: z.string(), count, share }).nullable() });
const balance = out({
  situation: z.enum(SITUATIONS),
  contacts: count,
  networks: z.array(out({ network, count, share, target: share, gap: z.number(), status: z.enum(['under', 'on-target', 'over']) })),
  unassigned: count,
  inside: out({ inside: count, outside: count, unknown: count, insideShare: share.nullable() }),
  organisations: diversity,
  industries: diversity,
  bands: out({ strong: count, medium: count, weak: count, dormant: count }),
  dunbar: z.array(out(dunbarLayerFields)),
});
const ledgerFields = { given: count, received: count, mutual: count, gratitude: count, interactions: count };
const ledgerEntry = out({ ...ledgerFields, contactId: id, name: z.string(), balance: z.number().int() });
const dormantTie = out({
  contactId: id,
  name: z.string(),
  organisation: z.string().nullable(),
  networks: z.array(network),
  peak: z.number(),
  strength: z.number(),
  daysSinceLast: count,
  goals: z.array(out({ id, description: z.string() })),
  value: z.number(),
  reasons: z.array(z.string()),
});
const adviceKind = z.enum(['under-target', 'revive-dormant', 'goal-without-people', 'one-organisation', 'inside-heavy', 'give-back', 'thank', 'bridge']);
const advicePerson = out({ id, name: z.string(), organisation: z.string().nullable(), strength: z.number(), band: tieBand });

export const networkReportOutput = out({
  generatedOn: day,
  situation: z.enum(SITUATIONS),
  situationLabel: z.string(),
  totals: out({ contacts: count, links: count, interactions: count, organisations: count }),
  balance,
  strength: out({ histogram: z.array(count), mean: z.number(), median: z.number() }),
  dunbar: z.array(out({ ...dunbarLayerFields, people: z.array(personRef) })),
  dormant: out({ total: count, top: z.array(dormantTie) }),
  reciprocity: out({
    overall: out({ ...ledgerFields, balance: z.number().int() }),
    youTakeFrom: z.array(ledgerEntry),
    youGiveTo: z.array(ledgerEntry),
    unthanked: z.array(ledgerEntry),
    ledgers: z.array(ledgerEntry),
  }),
  structure: out({
    me: out({ degree: count, effectiveSize: ratio, efficiency: ratio, constraint: ratio }),
    brokers: z.array(structurePerson),
    bridges: z.array(structurePerson),
    communities: z.array(out({ id: z.number().int(), size: count, label: z.string(), labelKind: z.string(), share, people: z.array(personRef) })),
    communityCount: count,
    isolated: count,
    modularity: ratio,
    // Exact, or sampled with the first `settled` bridges certain at `confidence`; `current` false when it is the exact
    // ranking of the graph as it was `changesSince` changes ago, shown while `recomputing` (docs/bridges.md).
    betweenness: out({
      method: z.enum(['exact', 'sampled']), settled: count, ranked: count, confidence: z.number(), samples: count, computedAt: instant, reused: z.boolean(),
      current: z.boolean(), changesSince: count, changesAtLeast: z.boolean(), recomputing: z.boolean(), backgroundError: z.string().nullable(),
    }),
  }),
  activity: out({ from: day, to: day, days: z.array(count) }),
  advice: z.array(out({ kind: adviceKind, text: z.string(), people: z.array(advicePerson) })),
}).meta({ id: 'NetworkReport' });

export const graphViewOutput = out({
  nodes: z.array(out({
    // 0 is you; every other id is a contact id.
    id: z.number().int().min(0),
    name: z.string(),
    organisation: z.string().nullable(),
    networks: z.array(network),
    community: z.number().int().nullable(),
    strength: z.number(),
    band: z.union([tieBand, z.literal('me')]),
    peak: z.number(),
    interactions: count,
    daysSinceLast: count.nullable(),
    degree: count,
    bridge: z.boolean(),
  })),
  edges: z.array(out({ source: z.number().int().min(0), target: z.number().int().min(0), kind: z.enum(['me', 'link']), weight: z.number() })),
  communities: z.array(out({ id: z.number().int(), label: z.string(), size: count })),
  total: out({ contacts: count, links: count }),
  truncated: z.boolean(),
  focus: id.nullable(),
}).meta({ id: 'GraphView' });

const introPerson = out({ id, name: z.string(), organisation: z.string().nullable() });
const strengthAndBand = { strength: z.number(), band: tieBand };

export const introOutput = out({
  target: out({
    kind: z.enum(['contact', 'organisation']),
    id,
    name: z.string(),
    organisation: z.string().nullable(),
    tie: out(strengthAndBand).nullable(),
    members: count.nullable(),
  }),
  by: z.enum(['strength', 'hops']),
  k: count,
  paths: z.array(out({
    rank: count,
    cost: z.number(),
    people: z.array(introPerson),
    askFirst: out({ ...introPerson.shape, ...strengthAndBand }),
    // from: null is you.
    hops: z.array(out({ from: introPerson.nullable(), to: introPerson, strength: z.number().nullable(), scale: z.enum(['tie', 'link']) })),
    reason: z.string(),
    firstStep: z.string(),
    template: z.enum(['introduction-request', 'reconnect', 'coffee-request']),
  })),
  equallyGood: out({ count, shown: count, more: count }),
  askFirst: z.array(out({ ...introPerson.shape, ...strengthAndBand, paths: count })),
  note: z.string().nullable(),
}).meta({ id: 'IntroResult' });
