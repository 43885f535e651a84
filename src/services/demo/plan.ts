import type { CadenceDefaults } from '../../domain/cadence.ts';
import { planCommunities, planEvents, planMemberships } from './gatherings.ts';
import { planGoals } from './goals.ts';
import { planLinks } from './links.ts';
import { planContacts, planOrganisations } from './people.ts';
import type { DemoPlan } from './plan-types.ts';
import { Random } from './random.ts';
import { planTimelines } from './timeline.ts';

export interface DemoOptions {
  size: number;
  seed: number;
  // The user's cadence defaults, so "fresh", "cooling" and "dormant" mean the same as on the Today view.
  defaults: CadenceDefaults;
  followUpDays: { event: number; newContact: number };
}

// The whole network as data, from the seed alone: the order of the steps is part of the seed's meaning, keep it.
export function planDemo(options: DemoOptions): DemoPlan {
  const rng = new Random(options.seed);
  const organisations = planOrganisations(rng, options.size);
  const communities = planCommunities(rng, options.size);
  const contacts = planContacts(rng, options.size, organisations, options.defaults);
  planMemberships(rng, contacts, communities);
  const events = planEvents(rng, options.size, contacts, communities);
  const timelines = planTimelines(rng, contacts, events, options.followUpDays);
  const goals = planGoals(rng, contacts, organisations, events, new Set(timelines.archived));
  const links = planLinks(rng, contacts, communities);
  return { organisations, contacts, events, communities, goals, links, ...timelines };
}
