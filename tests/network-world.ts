import { addDays } from '../src/domain/dates.ts';
import type { Channel, InteractionKind, ValueFlow } from '../src/domain/channels.ts';
import { goalCreate } from '../src/services/goals.service.ts';
import { interactionLog } from '../src/services/interactions.service.ts';
import { linkAdd } from '../src/services/links.service.ts';
import { organisationCreate } from '../src/services/organisations.service.ts';
import { settingsUpdate } from '../src/services/settings.service.ts';
import { addContact } from './support/builders.ts';
import type { TestContext } from './support/stores.ts';

export const TODAY = '2026-11-23';

// A small network whose report can be worked out by hand (situation: stepping into leadership, targets
// operational 30% / personal 25% / strategic 45%):
//   Brightwave (mine): Bob, Carol (monthly coffees for a year: strong, equal strength), Dan, Erin, Gus (operational)
//   Orbit Labs: Hank (operational, one old email: weak), Grace (strategic, one email: weak), Charles (strategic, never met)
//   Acme Capital: Ada (strategic; three coffees a year ago, nothing since: dormant)
//   Frank (personal, no organisation): three video calls, each time receiving help, never giving, never thanked
//   Links: Bob–Charles 5/5 and Carol–Charles 5/5 (two equally good intro paths), Ada–Bob 2/5, Dan–Erin 3/5
//   Goals, both with nobody tied: a mentorship goal, and a business goal tied to Acme Capital
export type NetworkWorld = Record<'ada' | 'bob' | 'carol' | 'dan' | 'erin' | 'gus' | 'hank' | 'grace' | 'charles' | 'frank', number> & { orbit: number; acme: number };

export async function buildNetworkWorld(t: TestContext): Promise<NetworkWorld> {
  const run = t.run;
  await run(settingsUpdate, { situation: 'stepping-into-leadership', myName: 'Me', onboarded: true });
  await run(organisationCreate, { name: 'Brightwave', isMine: true, industry: 'Software' });
  const orbit = (await run(organisationCreate, { name: 'Orbit Labs', industry: 'Aerospace' })).id;
  const acme = (await run(organisationCreate, { name: 'Acme Capital', industry: 'Finance' })).id;
  const person = (name: string, networks: string[], organisation?: string) => addContact(t, name, { networks, ...(organisation ? { organisation } : {}) });
  const w = {
    ada: await person('Ada Lovelace', ['strategic'], 'Acme Capital'),
    bob: await person('Bob Stone', ['operational'], 'Brightwave'),
    carol: await person('Carol White', ['operational'], 'Brightwave'),
    dan: await person('Dan Brown', ['operational'], 'Brightwave'),
    erin: await person('Erin Black', ['operational'], 'Brightwave'),
    gus: await person('Gus Grey', ['operational'], 'Brightwave'),
    hank: await person('Hank Moore', ['operational'], 'Orbit Labs'),
    grace: await person('Grace Hopper', ['strategic'], 'Orbit Labs'),
    charles: await person('Charles Babbage', ['strategic'], 'Orbit Labs'),
    frank: await person('Frank Green', ['personal']),
    orbit,
    acme,
  };
  const log = (ids: number[], daysAgo: number, kind: InteractionKind, channel: Channel, value: ValueFlow = 'none') =>
    run(interactionLog, { contactIds: ids, occurredAt: addDays(TODAY, -daysAgo), kind, channel, value });
  for (let i = 0; i < 12; i++) await log([w.bob, w.carol], 330 - 30 * i, 'coffee', 'in-person');
  for (const ago of [400, 370, 340]) await log([w.ada], ago, 'coffee', 'in-person');
  for (const ago of [100, 60, 20]) await log([w.frank], ago, 'call', 'video', 'received');
  await log([w.dan, w.erin], 40, 'meeting', 'in-person');
  await log([w.gus], 150, 'message', 'message');
  await log([w.hank], 200, 'email', 'email');
  await log([w.grace], 60, 'email', 'email');
  await run(linkAdd, { aId: w.bob, bId: w.charles, strength: 5 });
  await run(linkAdd, { aId: w.carol, bId: w.charles, strength: 5 });
  await run(linkAdd, { aId: w.ada, bId: w.bob, strength: 2 });
  await run(linkAdd, { aId: w.dan, bId: w.erin, strength: 3 });
  await run(goalCreate, { kind: 'mentorship', description: 'Find a mentor in product leadership' });
  await run(goalCreate, { kind: 'business', description: 'Raise a seed round', organisationIds: [acme] });
  return w;
}
