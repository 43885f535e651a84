// The reciprocity ledger (DOMAIN.md §3: "give, don't just take", "express gratitude"): what went each way, per
// contact and overall, and the two lopsided lists worth acting on.
import type { Ledger, NetworkModel } from './network-graph.ts';
import { byName, topK } from './top.ts';

export interface LedgerEntry extends Ledger {
  contactId: number;
  name: string;
  // given − received: negative means you have taken more than you gave.
  balance: number;
}

export interface Reciprocity {
  overall: Ledger & { balance: number };
  // You received value at least twice and never gave or exchanged any: offer something back.
  youTakeFrom: LedgerEntry[];
  // You gave at least three times and never received: fine to keep giving, and fine to ask.
  youGiveTo: LedgerEntry[];
  // Helped you, and no interaction recorded your thanks.
  unthanked: LedgerEntry[];
  // The busiest ledgers, for a per-contact table.
  ledgers: LedgerEntry[];
}

export const RECIPROCITY_RULES = { takeFrom: 2, giveTo: 3 } as const;

export function reciprocityOf(model: NetworkModel, limit: number): Reciprocity {
  const entries: LedgerEntry[] = [];
  for (const c of model.contacts) {
    const l = c.ledger;
    if (l.given + l.received + l.mutual + l.gratitude === 0) continue;
    entries.push({ contactId: c.id, name: c.name, ...l, balance: l.given - l.received });
  }
  const youTakeFrom = topK(entries.filter((e) => e.received >= RECIPROCITY_RULES.takeFrom && e.given + e.mutual === 0), limit,
    (a, b) => b.received - a.received || byName(a, b));
  const youGiveTo = topK(entries.filter((e) => e.given >= RECIPROCITY_RULES.giveTo && e.received + e.mutual === 0), limit,
    (a, b) => b.given - a.given || byName(a, b));
  const unthanked = topK(entries.filter((e) => e.received > 0 && e.gratitude === 0), limit, (a, b) => b.received - a.received || byName(a, b));
  const ledgers = topK(entries, limit, (a, b) => b.given + b.received + b.mutual - (a.given + a.received + a.mutual) || byName(a, b));
  const o = model.overall;
  return {
    overall: { ...o, balance: o.given - o.received },
    youTakeFrom,
    youGiveTo,
    unthanked,
    ledgers,
  };
}
