import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import * as initial from './2026-11-23-0001-initial.ts';
import * as outreach from './2026-11-23-0002-outreach.ts';
import * as contactListIndex from './2026-12-03-0003-contact-list-index.ts';
import * as loginFailures from './2026-12-06-0030-login-failures.ts';
import * as contactTriage from './2026-12-06-0040-contact-triage.ts';
import * as undoJournal from './2026-12-06-0050-undo-journal.ts';
import * as demoOrigin from './2026-12-06-0051-demo-origin.ts';
import * as wholeCard from './2026-12-06-0080-whole-card.ts';
import * as connectedAccounts from './2026-12-07-0100-connected-accounts.ts';
import * as bridgeRankings from './2026-12-07-0300-bridge-rankings.ts';
import * as digest from './2026-12-07-0400-digest.ts';
import * as carddavCards from './2026-12-07-0600-carddav-cards.ts';
import * as capturedEvents from './2026-12-07-0700-captured-events.ts';
import * as metPeople from './2026-12-07-0701-met-people.ts';
import * as birthdayIndex from './2026-12-08-0100-birthday-index.ts';
import * as backgroundBridges from './2026-12-08-0300-background-bridges.ts';

// Forward-only, named by date; append new files here in order. Never edit one that has shipped.
export const MIGRATIONS: Record<string, { up: (db: Kysely<unknown>, dialect: DialectName) => Promise<void> }> = {
  '2026-11-23-0001-initial': initial,
  '2026-11-23-0002-outreach': outreach,
  '2026-12-03-0003-contact-list-index': contactListIndex,
  '2026-12-06-0030-login-failures': loginFailures,
  '2026-12-06-0040-contact-triage': contactTriage,
  '2026-12-06-0050-undo-journal': undoJournal,
  '2026-12-06-0051-demo-origin': demoOrigin,
  '2026-12-06-0080-whole-card': wholeCard,
  '2026-12-07-0100-connected-accounts': connectedAccounts,
  '2026-12-07-0300-bridge-rankings': bridgeRankings,
  '2026-12-07-0400-digest': digest,
  '2026-12-07-0600-carddav-cards': carddavCards,
  '2026-12-07-0700-captured-events': capturedEvents,
  '2026-12-07-0701-met-people': metPeople,
  '2026-12-08-0100-birthday-index': birthdayIndex,
  '2026-12-08-0300-background-bridges': backgroundBridges,
};
