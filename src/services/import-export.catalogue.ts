// The import/export area's operations, gathered so the catalogue registers them in one line.
export { backupRestore } from './backup-restore.ts';
export { calendar } from './calendar.service.ts';
export { duplicatesList } from './duplicates.service.ts';
export { exportOp } from './export.service.ts';
export { importPreview, importRun } from './import.service.ts';
export { contactMerge } from './merge.service.ts';
