import type { ColumnType, Generated } from 'kysely';

// Row types as stored. Booleans are 0/1 integers and instants ISO-8601 text on both dialects,
// so every query is shared Kysely code and sorts the same way.
type Flag = number;

// The cached bridge ranking (migration 0300): derived from the links, rebuilt when graph_version changes.
export interface BridgeRankingTable {
  workspace_id: number; graph_version: string; method: string; computed_at: string; samples: number; checks: number; seed: number; payload: string;
  // Migration 2026-12-08-0300: the journal entry the graph was read at, the exact top as JSON, the cached structure.
  journal_mark: number | null; top: string | null; structure_version: string | null; structure: string | null;
}
// One background bridge computation at a time (migration 2026-12-08-0300).
export interface BridgeRankingJobTable {
  workspace_id: number; owner: string | null; heartbeat_at: string | null; requests: Generated<number>; last_error: string | null;
}

export interface WorkspaceTable { id: Generated<number>; name: string; created_at: string; uid: ColumnType<string | null, string | null | undefined, string | null> }
export interface SettingTable { workspace_id: number; key: string; value: string }
export interface ConnectionTypeTable { workspace_id: number; key: string; label: string; default_network: string }

export interface OrganisationTable {
  id: Generated<number>; workspace_id: number; name: string; name_key: string; industry: string | null;
  website: string | null; is_mine: Flag; notes: string | null; created_at: string; updated_at: string;
}

export interface ContactTable {
  id: Generated<number>; workspace_id: number; name: string; name_key: string; given_name: string | null;
  family_name: string | null; organisation_id: number | null; title: string | null; location: string | null;
  birthday: string | null; met_how: string | null; met_where: string | null; notes: string | null;
  networks: number; connection_type: string | null; inside_organisation: Flag | null; inside_explicit: Generated<Flag>; industry: string | null;
  cadence_days: number | null; archived: Flag; photo: string | null; last_interaction_at: string | null;
  next_due_on: string; snoozed_until: string | null; created_at: string; updated_at: string;
  // null while unsorted (imported without a network); see migration 0040.
  sorted_at: string | null;
}

export interface ContactEmailTable { id: Generated<number>; workspace_id: number; contact_id: number; address: string; label: string | null; position: number }
export interface ContactPhoneTable { id: Generated<number>; workspace_id: number; contact_id: number; number: string; number_key: string; label: string | null; position: number }
export interface ContactWebLinkTable { id: Generated<number>; workspace_id: number; contact_id: number; url: string; url_key: string; label: string | null; position: number }
export interface ContactTagTable { workspace_id: number; contact_id: number; tag: string }
export interface ContactCardTable {
  workspace_id: number; contact_id: number; nickname: string | null; name_prefix: string | null; middle_name: string | null;
  name_suffix: string | null; organisation_unit: string | null;
}
export interface ContactAddressTable {
  id: Generated<number>; workspace_id: number; contact_id: number; position: number; label: string | null; po_box: string | null;
  extended: string | null; street: string | null; locality: string | null; region: string | null; postcode: string | null; country: string | null;
}
export interface ContactDateTable {
  id: Generated<number>; workspace_id: number; contact_id: number; position: number; kind: string; label: string | null;
  year: number | null; month: number; day: number; yearly: Generated<Flag>;
}
export interface DigestSendTable {
  workspace_id: number; period: string; channel: string; status: string; attempts: number; last_error: string | null;
  last_attempt_at: string; next_attempt_at: string | null; sent_at: string | null;
}
export interface ContactCardPropertyTable { id: Generated<number>; workspace_id: number; contact_id: number; position: number; line: string }

export interface InteractionTable {
  id: Generated<number>; workspace_id: number; occurred_at: string; kind: string; channel: string;
  summary: string | null; value_flow: string; value_note: string | null; gratitude: Flag; created_at: string;
}
export interface InteractionParticipantTable { workspace_id: number; interaction_id: number; contact_id: number }

export interface FollowUpTable {
  id: Generated<number>; workspace_id: number; contact_id: number; due_on: string; reason: string; source: string;
  event_id: number | null; done_at: string | null; snoozed_until: string | null; created_at: string;
  // Counts changes, for the calendar's SEQUENCE.
  revision: Generated<number>;
}

export interface LinkTable { workspace_id: number; a_id: number; b_id: number; strength: number | null; note: string | null; created_at: string }

export interface GoalTable {
  id: Generated<number>; workspace_id: number; kind: string; description: string; target_date: string | null;
  status: string; created_at: string;
}
export interface GoalContactTable { workspace_id: number; goal_id: number; contact_id: number }
export interface GoalOrganisationTable { workspace_id: number; goal_id: number; organisation_id: number }

export interface ActionTable {
  id: Generated<number>; workspace_id: number; kind: string; description: string; due_on: string | null;
  done_at: string | null; goal_id: number | null; contact_id: number | null; created_at: string;
  revision: Generated<number>;
}

export interface CommunityTable { id: Generated<number>; workspace_id: number; name: string; kind: string; notes: string | null; i_am_member: Flag; created_at: string }
export interface CommunityMemberTable { workspace_id: number; community_id: number; contact_id: number; role: string | null }

export interface EventTable {
  id: Generated<number>; workspace_id: number; name: string; kind: string; date: string; place: string | null;
  community_id: number | null; notes: string | null; created_at: string;
}
export interface EventAttendeeTable { workspace_id: number; event_id: number; contact_id: number; met_there: Flag }

export interface ConnectedAccountTable {
  id: Generated<number>; workspace_id: number; kind: 'carddav' | 'caldav' | 'ics'; name: string; url: string; username: string | null;
  secret: string | null; secret_env: string | null; collection_url: string | null; options: string; paused: Flag;
  sync_token: string | null; ctag: string | null; last_sync_at: string | null; last_result: string | null; last_error: string | null; created_at: string;
}

export interface CarddavCardTable {
  id: Generated<number>; workspace_id: number; account_id: number; contact_id: number | null; href: string; etag: string | null;
  vcard: string; local_hash: string; synced_at: string;
}
export interface SyncIssueTable {
  id: Generated<number>; workspace_id: number; account_id: number; contact_id: number | null; kind: 'conflict' | 'deleted-on-server';
  item: string; detail: string; created_at: string; resolved_at: string | null;
}
export interface CapturedSourceTable { id: Generated<number>; workspace_id: number; source: string; ctag: string | null; captured_until: string | null; created_at: string }
export interface CapturedEventTable {
  id: Generated<number>; workspace_id: number; source_id: number; uid: string; recurrence_id: string; interaction_id: number | null;
  occurred_at: string; hash: string; summary: string | null; channel: string; attendees: string; matched: number;
}
export interface MetPersonTable {
  id: Generated<number>; workspace_id: number; email: string; name: string | null; meetings: number; first_met_at: string; last_met_at: string;
  last_meeting: string | null; status: 'waiting' | 'added' | 'dismissed'; contact_id: number | null; created_at: string;
}

export interface Database {
  workspaces: WorkspaceTable;
  settings: SettingTable;
  connection_types: ConnectionTypeTable;
  organisations: OrganisationTable;
  contacts: ContactTable;
  contact_emails: ContactEmailTable;
  contact_phones: ContactPhoneTable;
  contact_web_links: ContactWebLinkTable;
  contact_tags: ContactTagTable;
  contact_card: ContactCardTable;
  contact_addresses: ContactAddressTable;
  contact_dates: ContactDateTable;
  contact_card_properties: ContactCardPropertyTable;
  interactions: InteractionTable;
  interaction_participants: InteractionParticipantTable;
  follow_ups: FollowUpTable;
  links: LinkTable;
  goals: GoalTable;
  goal_contacts: GoalContactTable;
  goal_organisations: GoalOrganisationTable;
  actions: ActionTable;
  communities: CommunityTable;
  community_members: CommunityMemberTable;
  events: EventTable;
  event_attendees: EventAttendeeTable;
  connected_accounts: ConnectedAccountTable;
  bridge_rankings: BridgeRankingTable;
  bridge_rankings_job: BridgeRankingJobTable;
  carddav_cards: CarddavCardTable;
  sync_issues: SyncIssueTable;
  captured_sources: CapturedSourceTable;
  captured_events: CapturedEventTable;
  met_people: MetPersonTable;
  digest_sends: DigestSendTable;
}
