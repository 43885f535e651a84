import type { Operation } from './operation.ts';
import { contactList, search } from './contact-list.service.ts';
import { contactSnooze, followUpAdd, followUpDone, followUpList, followUpSnooze } from './follow-ups.service.ts';
import { interactionDelete, interactionList, interactionLog, interactionUpdate } from './interactions.service.ts';
import { settingsGet, settingsUpdate } from './settings.service.ts';
import { authFailures } from './login-failures.service.ts';
import { today } from './today.service.ts';
import { dateAdd, dateList, dateRemove, datesUpcoming, dateUpdate } from './important-dates.service.ts';
import { digestConfigure, digestShow, digestStatus, digestTest } from './digest.service.ts';
import { triageList, triageSort } from './triage.service.ts';
import { metAdd, metDismiss, metList } from './met-people.service.ts';
import { calendarCapture } from './calendar-capture.service.ts';
import { contactArchive, contactCreate, contactErase, contactGet, contactResolve, contactUpdate } from './contacts.service.ts';
import { actionCreate, actionDone, actionList, actionUpdate } from './actions.service.ts';
import { communityAddMember, communityCreate, communityGet, communityList, communityRemoveMember, communityUpdate } from './communities.service.ts';
import { connectionTypeAdd, connectionTypeList } from './connection-types.service.ts';
import { contactBulkUpdate } from './contacts-bulk.service.ts';
import { eventAttend, eventCreate, eventGet, eventList, eventUnattend } from './events.service.ts';
import { goalCreate, goalGet, goalLink, goalList, goalUnlink, goalUpdate } from './goals.service.ts';
import { linkAdd, linkList, linkRemove } from './links.service.ts';
import { organisationCreate, organisationDelete, organisationGet, organisationList, organisationUpdate } from './organisations.service.ts';
import { tagAdd, tagList, tagRemove } from './tags.service.ts';
import { demoLoad } from './demo.service.ts';
import { demoRemove } from './demo-remove.service.ts';
import { historyList, historyUndo } from './history.service.ts';
import { networkGraph, networkReport } from './network.service.ts';
import { introFind } from './network-intro.service.ts';
import { bridgesRank } from './bridges.service.ts';
import { backupRestore, calendar, contactMerge, duplicatesList, exportOp, importPreview, importRun } from './import-export.catalogue.ts';
import { syncAdd, syncList, syncPause, syncRemove, syncResume, syncRun, syncTest } from './sync/accounts.service.ts';
import { syncConflicts, syncResolve } from './sync/sync-issues.service.ts';
import { draftCompose, draftLint, draftSend, draftSent, outreachToday, templateDelete, templateGet, templateList, templateSave } from './outreach-operations.ts';

// Every use case of Rapport by name. The CLI, the HTTP API (and so the web app) and the OpenAPI document come from this list.
export const CATALOGUE = [
  today,
  triageList, triageSort, metList, metAdd, metDismiss,
  contactCreate, contactUpdate, contactGet, contactResolve, contactArchive, contactErase, contactList, contactSnooze, search,
  interactionLog, interactionList, interactionUpdate, interactionDelete,
  followUpAdd, followUpDone, followUpSnooze, followUpList,
  dateList, dateAdd, dateUpdate, dateRemove, datesUpcoming,
  digestShow, digestStatus, digestConfigure, digestTest,
  settingsGet, settingsUpdate, authFailures,
  contactBulkUpdate, tagAdd, tagRemove, tagList, connectionTypeList, connectionTypeAdd,
  organisationCreate, organisationUpdate, organisationGet, organisationList, organisationDelete,
  linkAdd, linkRemove, linkList,
  goalCreate, goalUpdate, goalGet, goalList, goalLink, goalUnlink,
  actionCreate, actionUpdate, actionDone, actionList,
  communityCreate, communityUpdate, communityGet, communityList, communityAddMember, communityRemoveMember,
  eventCreate, eventGet, eventList, eventAttend, eventUnattend,
  demoLoad, demoRemove, historyList, historyUndo,
  networkReport, networkGraph, introFind, bridgesRank,
  importPreview, importRun, exportOp, backupRestore, calendar, calendarCapture, duplicatesList, contactMerge,
  templateList, templateGet, templateSave, templateDelete, draftCompose, draftLint, draftSend, draftSent, outreachToday,
  syncAdd, syncList, syncTest, syncRun, syncPause, syncResume, syncRemove, syncConflicts, syncResolve,
] as const satisfies readonly Operation[];

export type OperationName = (typeof CATALOGUE)[number]['name'];

export function findOperation(name: string): Operation | undefined {
  return (CATALOGUE as readonly Operation[]).find((op) => op.name === name);
}
