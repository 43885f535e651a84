// Turns a path of contact indexes into what the user reads: whom to ask first, why, and the first step.
import type { TieBand } from '../domain/tie-strength.ts';
import { findArc } from './kernels/index.ts';
import type { RankedPath } from './intro.ts';
import type { NetworkContact, NetworkModel } from './network-graph.ts';

export type IntroTemplate = 'introduction-request' | 'reconnect' | 'coffee-request';

export interface IntroPerson {
  id: number;
  name: string;
  organisation: string | null;
}

export interface IntroHop {
  from: IntroPerson | null; // null is you
  to: IntroPerson;
  // Your tie strength (0–100) for the first hop, else the link's 1–5 (null when never said).
  strength: number | null;
  scale: 'tie' | 'link';
}

export interface IntroPath {
  rank: number;
  cost: number;
  people: IntroPerson[];
  askFirst: IntroPerson & { strength: number; band: TieBand };
  hops: IntroHop[];
  reason: string;
  firstStep: string;
  template: IntroTemplate;
}

const LINK_WORDS: Record<number, string> = { 5: 'very well', 4: 'well', 3: 'fairly well', 2: 'a little', 1: 'slightly' };

const person = (c: NetworkContact): IntroPerson => ({ id: c.id, name: c.name, organisation: c.organisation });

export function tiePhrase(c: NetworkContact): string {
  const t = c.tie;
  if (t.band === 'dormant') return `a dormant tie (was ${t.peak}, quiet for ${Math.round((t.daysSinceLast ?? 0) / 30)} months)`;
  return `a ${t.band} tie (${t.strength})`;
}

function linkStrength(model: NetworkModel, x: number, y: number): number | null {
  const arc = findArc(model.alters, x, y);
  if (arc < 0) return null;
  // The CSR keeps the filled-in strength; whether the user gave it lives on the link list.
  for (let e = 0; e < model.links.length; e++) {
    if ((model.links.a[e] === x && model.links.b[e] === y) || (model.links.a[e] === y && model.links.b[e] === x)) {
      return model.links.known[e] === 1 ? model.links.strength[e]! : null;
    }
  }
  return null;
}

const knows = (name: string, strength: number | null): string =>
  strength === null ? `knows ${name}` : `knows ${name} ${LINK_WORDS[strength] ?? ''} (${strength}/5)`.replace('  ', ' ');

export function explainPath(model: NetworkModel, path: RankedPath, organisation: string | null): IntroPath {
  const people = path.nodes.map((i) => model.contacts[i]!);
  const first = people[0]!;
  const hops: IntroHop[] = [{ from: null, to: person(first), strength: first.tie.strength, scale: 'tie' }];
  const clauses: string[] = [];
  for (let h = 1; h < people.length; h++) {
    const s = linkStrength(model, people[h - 1]!.index, people[h]!.index);
    hops.push({ from: person(people[h - 1]!), to: person(people[h]!), strength: s, scale: 'link' });
    const at = organisation !== null && h === people.length - 1 ? ` at ${organisation}` : '';
    clauses.push(knows(`${people[h]!.name}${at}`, s));
  }
  const last = people[people.length - 1]!;
  let reason: string;
  if (people.length === 1) reason = `${first.name} works at ${organisation ?? first.organisation ?? 'the organisation'} and is ${tiePhrase(first)}.`;
  else reason = `${first.name} is ${tiePhrase(first)} and ${clauses[0]}${clauses.slice(1).map((c) => `, who ${c}`).join('')}.`;

  const template: IntroTemplate = first.tie.band === 'dormant' ? 'reconnect' : people.length === 1 ? 'coffee-request' : 'introduction-request';
  let ask: string;
  if (people.length === 1) ask = `Ask ${first.name} for a conversation about ${organisation ?? 'their organisation'} (use the coffee-request template).`;
  else if (people.length === 2) ask = `Ask ${first.name} for an introduction to ${last.name}${organisation ? ` at ${organisation}` : ''} (use the introduction-request template).`;
  else {
    const chain = people.slice(1, -1).map((p) => p.name).join(', then ');
    ask = `Ask ${first.name} to introduce you to ${chain}, who can introduce you to ${last.name}${organisation ? ` at ${organisation}` : ''} (use the introduction-request template).`;
  }
  const firstStep = template === 'reconnect' ? `Reconnect with ${first.name} first (use the reconnect template); then: ${ask.charAt(0).toLowerCase()}${ask.slice(1)}` : ask;
  return {
    rank: path.rank,
    cost: path.cost,
    people: people.map(person),
    askFirst: { ...person(first), strength: first.tie.strength, band: first.tie.band },
    hops,
    reason,
    firstStep,
    template,
  };
}
