import { Option, type Command } from 'commander';
import type cliProgress from 'cli-progress';
import { RapportError } from '../../domain/errors.ts';
import { NETWORKS } from '../../domain/networks.ts';
import { TEXT_ENCODINGS } from '../../io/decode.ts';
import { IMPORT_FORMATS } from '../../io/import-record.ts';
import type { DuplicatePair } from '../../services/duplicates.service.ts';
import type { ImportProgress, ImportReport } from '../../services/import.service.ts';
import { journalled, parseInput } from '../../services/operation.ts';
import { readUserFile, writeUserFile } from '../files.ts';
import { dim, paint, printJson, table, unguardedTerminal, writeData } from '../output.ts';
import { collect } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

interface ImportOptions {
  format: string; dryRun?: boolean; network?: string[]; type?: string; tag?: string[]; map?: string; encoding: string;
  photos: boolean; skipInvalid?: boolean; json?: boolean;
}

const FORMAT_NAMES: Record<string, string> = { linkedin: 'LinkedIn', google: 'Google Contacts', outlook: 'Outlook', csv: 'CSV', vcard: 'vCard', json: 'Rapport backup' };
const SHOWN = 20;

// A bar on a terminal for files big enough to wait for; nothing when piped or small.
function progressBar(progress: typeof cliProgress): { onProgress: ImportProgress; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  return {
    onProgress: (done, total, next) => {
      if (!process.stderr.isTTY || total < 1000) return;
      if (!bar) {
        bar = new progress.SingleBar({ stream: unguardedTerminal(process.stderr) as NodeJS.WriteStream, format: '{phase} |{bar}| {percentage}% {value}/{total}', hideCursor: true, clearOnComplete: true }, progress.Presets.shades_classic);
        bar.start(total, 0, { phase: next });
      }
      if (next !== phase) {
        phase = next;
        bar.setTotal(total);
      }
      bar.update(done, { phase: next.padEnd(7) });
    },
    stop: () => bar?.stop(),
  };
}

function printReport(report: ImportReport, rejectedPath: string | null): void {
  const c = report.counts;
  const what = report.written ? 'imported' : 'would import (dry run, nothing written)';
  console.log(`${report.file} (${FORMAT_NAMES[report.format] ?? report.format}, ${report.encoding}): ${what}`);
  if (report.restored) {
    console.log(table(Object.entries(report.restored).map(([k, n]) => [k, String(n)])));
    return;
  }
  console.log(table([
    ['created', String(c.created)], ['updated', String(c.updated)], ['unchanged', String(c.unchanged)],
    ['merged into an earlier row', String(c.merged)], ['rejected', String(c.rejected)], ['blank rows skipped', String(c.blank)],
  ]));
  const matched = report.rows.filter((r) => r.outcome === 'updated' || r.outcome === 'merged');
  if (matched.length) {
    console.log(`\n${paint('bold', 'matched')}`);
    console.log(table(matched.slice(0, SHOWN).map((r) => [
      `line ${r.line}`, r.name, r.outcome === 'merged' ? `into line ${r.matchedLine}` : `#${r.contactId}`, r.matchedBy ?? '', dim(r.changes.join(', ')),
    ])));
    if (matched.length > SHOWN) console.log(dim(`… and ${matched.length - SHOWN} more (--json for all)`));
  }
  const suggested = report.suggestedDuplicates;
  if (suggested.length) {
    console.log(`\n${paint('bold', 'possible duplicates')} ${dim('(same name; kept apart — review with `rapport duplicates`, join with `rapport merge`)')}`);
    console.log(table(suggested.slice(0, SHOWN).map((s) => [
      `line ${s.line}`, s.name, s.withLine !== null ? `line ${s.withLine}` : `#${s.withContactId}`, s.withName, dim(s.reason),
    ])));
    if (suggested.length > SHOWN) console.log(dim(`… and ${suggested.length - SHOWN} more (--json for all)`));
  }
  if (report.rejected.length) {
    console.log(`\n${paint('bold', 'rejected')}`);
    for (const r of report.rejected.slice(0, SHOWN)) console.log(`  line ${r.line}: ${r.reason}`);
    if (report.rejected.length > SHOWN) console.log(dim(`  … and ${report.rejected.length - SHOWN} more`));
    if (rejectedPath) console.log(`rejected rows written to ${rejectedPath} (fix them and import that file)`);
  }
  if (report.warnings.length) {
    console.log(`\n${paint('bold', 'notes')}`);
    for (const w of report.warnings.slice(0, SHOWN)) console.log(dim(`  ${w}`));
    if (report.warnings.length > SHOWN) console.log(dim(`  … and ${report.warnings.length - SHOWN} more (--json for all)`));
  }
}

async function importCommand(rt: CliRuntime, file: string, o: ImportOptions): Promise<void> {
  const raw = {
    content: readUserFile(file).toString('base64'), base64: true, filename: file, format: o.format, encoding: o.encoding,
    noPhotos: !o.photos, skipInvalid: o.skipInvalid ?? false, networks: o.network ?? [], tags: o.tag ?? [],
    ...(o.type ? { connectionType: o.type } : {}), ...(o.map ? { map: o.map } : {}),
  };
  // The importers (CSV, vCard) load only for this command.
  const { importInput, importPreview, importRun, readImport, runImport } = await import('../../services/import.service.ts');
  let report: ImportReport;
  if (o.dryRun) report = await rt.run(importPreview, raw);
  else {
    // The catalogue's import.run, called here directly only to hand it a progress bar; same input, one transaction,
    // journalled like every write so `rapport undo` takes it back.
    const input = parseInput(importInput, raw, 'import.run input');
    const ctx = await rt.context();
    const bar = progressBar((await import('cli-progress')).default);
    try {
      // Parsed before the write lock is taken: the server and other commands wait only for the matching and writing.
      const read = await readImport(ctx, input, bar.onProgress);
      const ran = await ctx.store.transaction((tx) => journalled({ ...ctx, store: tx }, importRun, input, (inner) => runImport(inner, input, { write: true, onProgress: bar.onProgress, read })));
      report = ran.output;
      await rt.noteEntry(ran.entry);
    } catch (e) {
      bar.stop();
      if (e instanceof RapportError && e.problems.length > 1) {
        for (const p of e.problems.slice(0, SHOWN)) process.stderr.write(`  ${p.path}: ${p.message}\n`);
        if (e.problems.length > SHOWN) process.stderr.write(`  … and ${e.problems.length - SHOWN} more\n`);
      }
      throw e;
    }
    bar.stop();
  }
  let rejectedPath: string | null = null;
  if (report.rejectedFile && report.written) {
    rejectedPath = `${file}${report.rejectedFile.suffix}`;
    writeUserFile(rejectedPath, report.rejectedFile.content);
  }
  if (o.json) return printJson({ ...report, rejectedFile: rejectedPath });
  printReport(report, rejectedPath);
  if (report.counts.unsorted > 0) {
    console.log(`\n${report.counts.unsorted} new contact${report.counts.unsorted === 1 ? '' : 's'} ${report.written ? 'have' : 'would have'} no network yet: unsorted, on no keep-in-touch list until sorted with \`rapport triage\`.`);
  }
}

function output(content: string, file: string | undefined, what: string): void {
  if (!file) {
    writeData(content);
    return;
  }
  writeUserFile(file, content);
  process.stderr.write(`wrote ${what} to ${file}\n`);
}

export function registerImportExportCommands(program: Command, rt: CliRuntime): void {
  program.command('import <file>').description('import contacts: LinkedIn Connections.csv, Google or Outlook CSV, any CSV (--map), vCard 2.1/3.0/4.0, or a Rapport JSON backup (into an empty database)')
    .addOption(new Option('--format <format>', 'what the file is (auto: read it from the content)').choices(['auto', ...IMPORT_FORMATS]).default('auto'))
    .option('--dry-run', 'report what would be created, updated, merged or rejected, and write nothing')
    .addOption(new Option('--network <network...>', `add every contact to these networks: ${NETWORKS.join(', ')}`).argParser(collect))
    .option('--type <type>', 'connection type for every contact that has none')
    .option('--tag <tag>', 'tag every contact (repeatable)', collect)
    .option('--map <pairs>', 'CSV columns to fields, e.g. "Full Name=name,Mail=email"')
    .addOption(new Option('--encoding <encoding>', 'text encoding when it cannot be detected').choices([...TEXT_ENCODINGS]).default('auto'))
    .option('--no-photos', 'leave photos out')
    .option('--skip-invalid', 'import the good rows and write the rejected ones beside the file (default: all or nothing)')
    .option('--json', 'print the full report as JSON')
    .addHelpText('after', '\nRows matching a stored contact (same email, LinkedIn profile, phone, or name and organisation) update it:\nempty fields are filled and new emails, phones and tags added; nothing is erased. Importing the same file twice changes nothing.')
    .action((file: string, o: ImportOptions) => importCommand(rt, file, o));

  program.command('export').description('export contacts as vCard 4.0/3.0 or CSV (Rapport\'s, Google\'s or Outlook\'s layout; filtered like `contact list`), or everything as a JSON backup')
    .addOption(new Option('--format <format>', 'vcard, csv or json (a full backup)').choices(['vcard', 'csv', 'json']).makeOptionMandatory())
    .addOption(new Option('--network <network>', 'only this network').choices([...NETWORKS]))
    .option('--type <type>', 'only this connection type')
    .option('--tag <tag>', 'only contacts with this tag')
    .option('--query <words>', 'only contacts a search finds')
    .option('--archived', 'only archived contacts')
    .option('--active', 'only contacts not archived')
    .addOption(new Option('--layout <layout>', 'CSV columns: rapport, google (Google Contacts) or outlook').choices(['rapport', 'google', 'outlook']).default('rapport'))
    .addOption(new Option('--vcard-version <version>', 'vCard 4.0, or 3.0 for older readers').choices(['3.0', '4.0']).default('4.0'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (o: { format: string; network?: string; type?: string; tag?: string; query?: string; archived?: boolean; active?: boolean; output?: string; layout: string; vcardVersion: string }) => {
      const { exportOp } = await import('../../services/export.service.ts');
      const r = await rt.run(exportOp, {
        format: o.format, network: o.network, connectionType: o.type, tag: o.tag, query: o.query,
        archived: o.archived ? true : o.active ? false : undefined, layout: o.layout, vcardVersion: o.vcardVersion,
      });
      for (const w of r.warnings) console.error(`not exported: ${w}`);
      output(r.content, o.output, r.format === 'json' ? `a backup of ${r.count} contacts and everything else` : `${r.count} contacts`);
    });

  program.command('calendar').description('write follow-ups and actions due as an iCalendar file (import it, or subscribe to it)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (o: { output?: string }) => {
      const { calendar } = await import('../../services/calendar.service.ts');
      const r = await rt.run(calendar, {});
      output(r.content, o.output, `${r.count} follow-ups and actions`);
    });

  program.command('duplicates').description('list likely duplicate contacts and why (same email, LinkedIn, phone, or the same name where no strong identifier differs)')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const { duplicatesList } = await import('../../services/duplicates.service.ts');
      const page = await rt.run(duplicatesList, { limit: 500 });
      if (o.json) return printJson(page);
      if (page.items.length === 0) return console.log('no likely duplicates');
      const label = (c: DuplicatePair['a']) => `#${c.id} ${c.name}${c.organisation ? dim(` (${c.organisation})`) : ''}`;
      console.log(table(page.items.map((p) => [label(p.a), label(p.b), p.reasons.join('; ')]), ['contact', 'likely the same as', 'because']));
      console.log(dim(`\nmerge a pair with \`rapport merge <keep> <merge>\` (the first absorbs the second)`));
    });

  program.command('merge <keep> <merge>').description('merge two contacts: <keep> absorbs <merge> (interactions, links, tags, follow-ups, goals, events, emails, phones); <merge> is erased')
    .option('--json', 'print the merged contact as JSON')
    .action(async (keepRef: string, mergeRef: string, o: { json?: boolean }) => {
      const { contactMerge } = await import('../../services/merge.service.ts');
      const keepId = await rt.contactId(keepRef, 'keep');
      const mergeId = await rt.contactId(mergeRef, 'merge');
      const r = await rt.run(contactMerge, { keepId, mergeId });
      if (o.json) return printJson(r);
      console.log(`merged ${r.merged.name} (#${r.merged.id}) into ${r.contact.name} (#${r.contact.id})${r.filled.length ? `; took ${r.filled.join(', ')}` : ''}`);
    });
}
