import type { ConnectedAccountTable } from '../../store/tables.ts';
import type { AccountSyncer } from './account-syncer.ts';
import { caldavSyncer, icsSyncer } from './calendar-syncer.ts';
import { carddavSyncer } from './carddav-syncer.ts';

// Each kind of connected account and what syncs it. The account operations look the syncer up here and nowhere
// else, so a new kind is one line.
export const SYNCERS: Partial<Record<ConnectedAccountTable['kind'], AccountSyncer>> = {
  carddav: carddavSyncer(),
  caldav: caldavSyncer,
  ics: icsSyncer,
};
