import { actionCreate, actionDone, actionList } from '../services/actions.service.ts';
import { contactList, search } from '../services/contact-list.service.ts';
import { contactGet } from '../services/contacts.service.ts';
import { draftCompose, draftLint } from '../services/drafts.service.ts';
import { eventList } from '../services/events.service.ts';
import { contactSnooze, followUpAdd, followUpDone, followUpList, followUpSnooze } from '../services/follow-ups.service.ts';
import { goalList } from '../services/goals.service.ts';
import { interactionList, interactionLog } from '../services/interactions.service.ts';
import { introFind } from '../services/network-intro.service.ts';
import { networkReport } from '../services/network.service.ts';
import type { Operation } from '../services/operation.ts';
import { organisationList } from '../services/organisations.service.ts';
import { outreachToday } from '../services/outreach.service.ts';
import { tagList } from '../services/tags.service.ts';
import { templateList } from '../services/templates.service.ts';
import { today } from '../services/today.service.ts';

// One catalogue operation offered to an assistant. Names are snake_case verbs because several assistants accept
// only [a-zA-Z0-9_-] in a tool name (the catalogue's "contact.get" would be refused).
export interface McpTool {
  name: string;
  op: Operation;
  // For a write: what it changes, in the user's words, so the assistant (and the user approving it) knows.
  changes?: string;
}

const UNDO = 'Every write can be taken back with `rapport undo` (see `rapport history`).';

// Curated rather than the whole catalogue: imports, restores, erasing and settings are not an assistant's to run,
// and settings.update could turn on the writes this server guards.
export const MCP_TOOLS: readonly McpTool[] = [
  { name: 'today', op: today },
  { name: 'people_to_write_to', op: outreachToday },
  { name: 'search_contacts', op: search },
  { name: 'list_contacts', op: contactList },
  { name: 'show_contact', op: contactGet },
  { name: 'list_interactions', op: interactionList },
  { name: 'list_follow_ups', op: followUpList },
  { name: 'list_actions', op: actionList },
  { name: 'list_goals', op: goalList },
  { name: 'list_events', op: eventList },
  { name: 'list_organisations', op: organisationList },
  { name: 'list_tags', op: tagList },
  { name: 'list_templates', op: templateList },
  { name: 'compose_draft', op: draftCompose },
  { name: 'lint_message', op: draftLint },
  { name: 'find_intro_paths', op: introFind },
  { name: 'network_report', op: networkReport },
  {
    name: 'log_interaction', op: interactionLog,
    changes: 'Adds an interaction to the timeline of each contact in contactIds, restarts their keep-in-touch clock (their next due date moves) and marks their open follow-ups answered.',
  },
  {
    name: 'snooze_contact', op: contactSnooze,
    changes: "Puts the keep-in-touch reminder of each contact in ids off until the date (or for the days) given; it leaves Today until then.",
  },
  {
    name: 'add_follow_up', op: followUpAdd,
    changes: 'Adds an open follow-up with the contact, due on dueOn, which then shows on Today.',
  },
  {
    name: 'complete_follow_up', op: followUpDone,
    changes: 'Marks the follow-up with this id done (or open again with done: false); it leaves Today.',
  },
  {
    name: 'snooze_follow_up', op: followUpSnooze,
    changes: 'Moves the due date of the follow-up with this id to the date (or by the days) given.',
  },
  {
    name: 'add_action', op: actionCreate,
    changes: 'Adds a planned networking action (for a goal and/or a contact), shown on Today when due.',
  },
  {
    name: 'complete_action', op: actionDone,
    changes: 'Marks the action with this id done (or open again with done: false).',
  },
];

export const isWrite = (tool: McpTool): boolean => tool.op.effect === 'write';

export function describeTool(tool: McpTool): string {
  if (!isWrite(tool)) return tool.op.summary;
  return `${tool.op.summary}.\nWRITES to your Rapport database: ${tool.changes ?? 'changes stored data.'} ${UNDO}`;
}
