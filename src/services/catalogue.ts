import type { Operation } from './operation.ts';
import { contactList, search } from './contact-list.service.ts';
import { contactSnooze, followUpAdd, followUpDone, followUpList, followUpSnooze } from './follow-ups.service.ts';
import { interactionDelete, interactionList, interactionLog } from './interactions.service.ts';
import { settingsGet, settingsUpdate } from './settings.service.ts';
import { today } from './today.service.ts';
import { contactArchive, contactCreate, contactErase, contactGet, contactResolve, contactUpdate } from './contacts.service.ts';

// Every use case of Rapport by name. The CLI, the HTTP API (and so the web app) and the OpenAPI document come from this list.
export const CATALOGUE = [
  today,
  contactCreate, contactUpdate, contactGet, contactResolve, contactArchive, contactErase, contactList, contactSnooze, search,
  interactionLog, interactionList, interactionDelete,
  followUpAdd, followUpDone, followUpSnooze, followUpList,
  settingsGet, settingsUpdate,
] as const satisfies readonly Operation[];

export type OperationName = (typeof CATALOGUE)[number]['name'];

export function findOperation(name: string): Operation | undefined {
  return (CATALOGUE as readonly Operation[]).find((op) => op.name === name);
}
