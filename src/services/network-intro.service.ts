import { z } from 'zod';
import { idSchema, lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { introRoutes, type IntroMetric, type IntroRoutes, type IntroTarget } from '../analysis/intro.ts';
import { explainPath, tiePhrase, type IntroPath, type IntroPerson } from '../analysis/intro-explain.ts';
import type { NetworkModel } from '../analysis/network-graph.ts';
import { normaliseName } from '../domain/contact.ts';
import { RapportError } from '../domain/errors.ts';
import type { TieBand } from '../domain/tie-strength.ts';
import { contactIdsByNameFragment } from '../store/repositories/contacts.repository.ts';
import type { Store } from '../store/store.ts';
import { loadNetworkModel } from './network.service.ts';
import { defineOperation } from './operation.ts';
import { resolveContactRef } from './support/contact-ref.ts';
import { introOutput } from './schemas/network.ts';

export interface IntroResult {
  target: { kind: 'contact' | 'organisation'; id: number; name: string; organisation: string | null; tie: { strength: number; band: TieBand } | null; members: number | null };
  by: IntroMetric;
  k: number;
  // Best first; equal costs share a rank. Paths tied for the best cost are listed by the names along the path
  // (first person to ask, then the next…), at most 10·k of them; equallyGood says how many there are in all.
  paths: IntroPath[];
  equallyGood: { count: number; shown: number; more: number };
  // Whom to ask: everyone who starts a best path, with how many best paths go through them, most first.
  askFirst: (IntroPerson & { strength: number; band: TieBand; paths: number })[];
  note: string | null;
}

type Resolved = { kind: 'contact'; id: number } | { kind: 'organisation'; id: number; name: string };

async function organisationMatches(store: Store, text: string): Promise<{ id: number; name: string }[]> {
  const all = await store.db.selectFrom('organisations').select(['id', 'name']).where('workspace_id', '=', store.workspaceId).execute();
  if (/^\d+$/.test(text)) return all.filter((o) => o.id === Number(text));
  const key = normaliseName(text);
  const matches = all.filter((o) => normaliseName(o.name).includes(key));
  const exact = matches.filter((o) => normaliseName(o.name) === key);
  return exact.length === 1 ? exact : matches;
}

// A target is a contact (by id or name) or an organisation (by name, or by id with kind: organisation).
async function resolveTarget(store: Store, raw: string, kind: 'auto' | 'contact' | 'organisation'): Promise<Resolved> {
  const text = raw.trim();
  if (kind === 'contact' || (kind === 'auto' && /^\d+$/.test(text))) return { kind: 'contact', id: await resolveContactRef(store, text, 'target') };
  const orgs = await organisationMatches(store, text);
  if (kind === 'organisation') {
    if (orgs.length === 1) return { kind: 'organisation', ...orgs[0]! };
    if (orgs.length === 0) throw new RapportError('not_found', `no organisation matches ${JSON.stringify(text)}`);
    throw new RapportError('ambiguous', `${JSON.stringify(text)} matches ${orgs.length} organisations; name one by id`, { candidates: orgs.slice(0, 10).map((o) => ({ id: o.id, label: o.name })) });
  }
  const people = (await contactIdsByNameFragment(store, text, 11)).filter((p) => p.archived === 0);
  const key = normaliseName(text);
  const exactPeople = people.filter((p) => normaliseName(p.name) === key);
  const exactOrgs = orgs.filter((o) => normaliseName(o.name) === key);
  if (exactPeople.length === 1 && exactOrgs.length === 0) return { kind: 'contact', id: exactPeople[0]!.id };
  if (exactOrgs.length === 1 && exactPeople.length === 0) return { kind: 'organisation', ...exactOrgs[0]! };
  if (people.length === 0 && orgs.length === 0) throw new RapportError('not_found', `no contact or organisation matches ${JSON.stringify(text)}`);
  if (orgs.length === 0) return { kind: 'contact', id: await resolveContactRef(store, text, 'target') };
  if (people.length === 0 && orgs.length === 1) return { kind: 'organisation', ...orgs[0]! };
  const candidates = [
    ...people.map((p) => ({ id: p.id, label: `${p.name}${p.organisation ? ` (${p.organisation})` : ''} — contact` })),
    ...orgs.map((o) => ({ id: o.id, label: `${o.name} — organisation` })),
  ];
  throw new RapportError('ambiguous', `${JSON.stringify(text)} matches ${people.length > 10 ? 'more than 10' : people.length} contacts and ${orgs.length} organisations; name one by id, with kind contact or organisation`, { candidates: candidates.slice(0, 10) });
}

function summarise(model: NetworkModel, routes: IntroRoutes): Pick<IntroResult, 'equallyGood' | 'askFirst'> {
  const shown = routes.paths.filter((p) => p.rank === 1).length;
  return {
    equallyGood: { count: routes.bestCount, shown, more: routes.bestCount - shown },
    askFirst: routes.firstHops.map((h) => {
      const c = model.contacts[h.index]!;
      return { id: c.id, name: c.name, organisation: c.organisation, strength: c.tie.strength, band: c.tie.band, paths: h.paths };
    }),
  };
}

function introFor(model: NetworkModel, resolved: Resolved, k: number, by: IntroMetric): IntroResult {
  if (resolved.kind === 'contact') {
    const index = model.indexOf.get(resolved.id);
    if (index === undefined) throw new RapportError('invalid', `target: contact ${resolved.id} is archived; restore them to look for introductions`);
    const c = model.contacts[index]!;
    const target: IntroTarget = { kind: 'contact', index };
    const routes = introRoutes(model, target, k, by);
    const paths = routes.paths.map((p) => explainPath(model, p, null));
    const direct = c.tie.band === 'strong' || c.tie.band === 'medium' ? `You already have ${tiePhrase(c)} with ${c.name}: you can simply write to them. The paths below are for a warmer route.` : null;
    const none = paths.length === 0 ? `Nobody you know is linked to ${c.name} yet. Record who knows whom (\`rapport link\`) and the paths will appear.` : null;
    return {
      target: { kind: 'contact', id: c.id, name: c.name, organisation: c.organisation, tie: { strength: c.tie.strength, band: c.tie.band }, members: null },
      by, k, paths, ...summarise(model, routes), note: none ?? direct,
    };
  }
  const members = model.contacts.filter((c) => c.organisationId === resolved.id).map((c) => c.index);
  const routes: IntroRoutes = members.length === 0 ? { paths: [], bestCount: 0, firstHops: [] } : introRoutes(model, { kind: 'organisation', members }, k, by);
  const paths = routes.paths.map((p) => explainPath(model, p, resolved.name));
  return {
    target: { kind: 'organisation', id: resolved.id, name: resolved.name, organisation: null, tie: null, members: members.length },
    by, k, paths, ...summarise(model, routes),
    note: members.length === 0 ? `Nobody in your network works at ${resolved.name} yet: add the people you meet from there, or look for someone who knows them.` : null,
  };
}

export const introFind = defineOperation({
  name: 'intro.find',
  conflicts: true,
  summary: 'Warm introduction paths to a contact or an organisation: whom to ask first, why, and the first step; equally good paths are all counted, grouped by whom to ask, and listed by name',
  effect: 'read',
  input: z.object({
    target: z.union([idSchema, lineText(TEXT_LIMITS.name).min(1, 'say whom to reach: a contact or an organisation, by id or name')]).transform(String),
    kind: z.enum(['auto', 'contact', 'organisation']).default('auto'),
    k: z.coerce.number().int().min(1).max(10).default(3),
    by: z.enum(['strength', 'hops']).default('strength'),
  }),
  output: introOutput,
  http: { method: 'get', path: '/network/intro' },
  run: async (ctx, { target, kind, k, by }): Promise<IntroResult> => {
    const resolved = await resolveTarget(ctx.store, target, kind);
    const { model } = await loadNetworkModel(ctx);
    return introFor(model, resolved, k, by);
  },
});
