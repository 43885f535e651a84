// Dormant ties ranked by the value of reconnecting (DOMAIN.md §3, "never neglect old connections"):
//   value = peak strength × network factor × goal factor
//   network factor = the best of the contact's networks: 1, +0.25 for strategic (future opportunities),
//                    +0.5 when that network is under the situation's target; 1 for a contact in no network
//   goal factor    = 1 + 0.5 per open goal the contact is relevant to (tied to it, or working at an
//                    organisation tied to it), counting at most two goals
import type { NetworkBalance } from '../domain/balance.ts';
import type { Network } from '../domain/networks.ts';
import type { NetworkContact, NetworkModel } from './network-graph.ts';

export const DORMANT_WEIGHTS = { strategic: 0.25, underTarget: 0.5, perGoal: 0.5, maxGoals: 2 } as const;

export interface DormantTie {
  contactId: number;
  name: string;
  organisation: string | null;
  networks: Network[];
  peak: number;
  strength: number;
  daysSinceLast: number;
  goals: { id: number; description: string }[];
  value: number;
  reasons: string[];
}

// Open goals each contact is relevant to, by contact index.
export function goalsByContact(model: NetworkModel): Map<number, { id: number; description: string }[]> {
  const out = new Map<number, { id: number; description: string }[]>();
  const add = (index: number, goal: { id: number; description: string }) => {
    const list = out.get(index) ?? [];
    if (!list.some((g) => g.id === goal.id)) list.push(goal);
    out.set(index, list);
  };
  for (const goal of model.openGoals) {
    const ref = { id: goal.id, description: goal.description };
    for (const id of goal.contactIds) {
      const i = model.indexOf.get(id);
      if (i !== undefined) add(i, ref);
    }
    if (goal.organisationIds.length === 0) continue;
    const orgs = new Set(goal.organisationIds);
    for (const c of model.contacts) if (c.organisationId !== null && orgs.has(c.organisationId)) add(c.index, ref);
  }
  return out;
}

function networkFactor(networks: readonly Network[], under: ReadonlySet<Network>): { factor: number; reasons: string[] } {
  let factor = networks.length === 0 ? 1 : 0;
  const reasons: string[] = [];
  for (const n of networks) {
    const f = 1 + (n === 'strategic' ? DORMANT_WEIGHTS.strategic : 0) + (under.has(n) ? DORMANT_WEIGHTS.underTarget : 0);
    factor = Math.max(factor, f);
    if (under.has(n)) reasons.push(`in your ${n} network, which is under target`);
    else if (n === 'strategic') reasons.push('in your strategic network');
  }
  return { factor, reasons };
}

export function rankDormant(model: NetworkModel, balance: readonly NetworkBalance[], goals: Map<number, { id: number; description: string }[]>): DormantTie[] {
  const under = new Set(balance.filter((b) => b.status === 'under').map((b) => b.network));
  const out: DormantTie[] = [];
  for (const c of model.contacts) {
    if (c.tie.band !== 'dormant') continue;
    out.push(dormantTie(c, under, goals.get(c.index) ?? []));
  }
  return out.sort((a, b) => b.value - a.value || b.peak - a.peak || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function dormantTie(c: NetworkContact, under: ReadonlySet<Network>, goals: { id: number; description: string }[]): DormantTie {
  const months = Math.round((c.tie.daysSinceLast ?? 0) / 30);
  const reasons = [`was a ${c.tie.peak} tie at its peak, quiet for ${months} months`];
  const net = networkFactor(c.networks, under);
  reasons.push(...net.reasons);
  for (const g of goals.slice(0, DORMANT_WEIGHTS.maxGoals)) reasons.push(`relevant to your goal “${g.description}”`);
  const goalFactor = 1 + DORMANT_WEIGHTS.perGoal * Math.min(goals.length, DORMANT_WEIGHTS.maxGoals);
  return {
    contactId: c.id,
    name: c.name,
    organisation: c.organisation,
    networks: c.networks,
    peak: c.tie.peak,
    strength: c.tie.strength,
    daysSinceLast: c.tie.daysSinceLast ?? 0,
    goals,
    value: Math.round(c.tie.peak * net.factor * goalFactor),
    reasons,
  };
}
