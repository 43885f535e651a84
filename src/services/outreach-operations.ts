// The outreach operations in one place, so the catalogue registers them with a single import.
export { draftSend, draftSent } from './drafts-send.service.ts';
export { draftCompose, draftLint } from './drafts.service.ts';
export { outreachToday } from './outreach.service.ts';
export { templateDelete, templateGet, templateList, templateSave } from './templates.service.ts';
