import { defineOperation } from './operation.ts';
import { importInput, runImport, type ImportReport } from './import-run.ts';
import { importReportOutput } from './schemas/import-export.ts';

export { importInput, readImport, runImport, type ImportProgress, type ImportReport } from './import-run.ts';

// The web import page previews first (what would be created, updated, merged or rejected, and why), then runs.
export const importPreview = defineOperation({
  name: 'import.preview',
  summary: 'Read a contact file (LinkedIn, Google, Outlook, any CSV, vCard, or a backup) and report what an import would do, writing nothing',
  effect: 'read',
  input: importInput,
  output: importReportOutput,
  http: { method: 'post', path: '/import/preview' },
  run: (ctx, input): Promise<ImportReport> => runImport(ctx, input, { write: false }),
});

export const importRun = defineOperation({
  name: 'import.run',
  // A JSON backup given to import restores only into an empty database.
  conflicts: true,
  summary: 'Import a contact file: rows matching a stored contact update it, the rest are created; all or nothing unless skipInvalid',
  effect: 'write',
  input: importInput,
  output: importReportOutput,
  http: { method: 'post', path: '/import' },
  run: (ctx, input): Promise<ImportReport> => runImport(ctx, input, { write: true }),
});
