import { constants } from 'node:fs';
import { access, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { invalid } from '../../domain/errors.ts';
import type { ComposedDraft } from '../../services/drafts.service.ts';
import { draftCompose, draftLint } from '../../services/drafts.service.ts';
import { outreachToday } from '../../services/outreach.service.ts';
import { templateDelete, templateGet, templateList, templateSave } from '../../services/templates.service.ts';
import { EXIT } from '../exit-codes.ts';
import { readUserFile } from '../files.ts';
import { dim, printJson, writeData } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';
import { collectValue, renderDraft, renderFindings, renderOutreach, renderTemplate, renderTemplates } from './outreach-view.ts';

interface ComposeOptions { template?: string; goal?: number; event?: number; introduce?: string; set?: Record<string, string>; firstMessage?: boolean; mode?: 'first' | 'ongoing' }

const LINT_HELP = `
Exit codes: 0 when nothing blocks sending (warnings are advice and are printed), 1 when an error-severity finding
remains (an unfilled placeholder such as [firstName?] or {{topic}}), 2 for a usage error.`;

// send takes --file instead of a template, so there --template is optional.
const MODE_HELP = 'check as a first message (job asks are errors) or an ongoing conversation; default: from the record (never spoken, only connected, or silent for a year or more = first)';
const composeOptions = (cmd: Command, templateHelp = 'template key (see `rapport templates`); default: the one the occasion suggests'): Command => cmd
  .addOption(new Option('-t, --template <key>', templateHelp))
  .option('--goal <id>', 'the goal this message serves', integer)
  .option('--event <id>', 'the event it is about (default: where you met them)', integer)
  .option('--introduce <contact>', 'introductions: the other person (id or part of the name)')
  .option('--set <name=value>', 'a placeholder value, e.g. --set topic="data platforms" (repeatable)', collectValue)
  .addOption(new Option('--mode <mode>', MODE_HELP).choices(['first', 'ongoing']))
  .option('--first-message', 'same as --mode first')
  .option('--no-first-message', 'same as --mode ongoing');

async function readText(path: string): Promise<string> {
  if (path !== '-') return readUserFile(path).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function compose(rt: CliRuntime, ref: string, o: ComposeOptions): Promise<ComposedDraft> {
  return rt.run(draftCompose, {
    contactId: await rt.contactId(ref), template: o.template, goalId: o.goal, eventId: o.event,
    introduceContactId: o.introduce ? await rt.contactId(o.introduce, 'introduce') : undefined, values: o.set ?? {}, mode: o.mode, firstMessage: o.firstMessage,
  });
}

const note = (text: string): void => { process.stderr.write(`${text}\n`); };

export function registerOutreachCommands(program: Command, rt: CliRuntime): void {
  composeOptions(program.command('draft').description('write a four-part message to a contact from a template, with its mistake check')
    .argument('<contact>', 'id or part of the name').option('--json', 'print as JSON'))
    .action(async (ref: string, o: ComposeOptions & { json?: boolean }) => {
      const draft = await compose(rt, ref, o);
      if (o.json) return printJson(draft);
      console.log(renderDraft(draft));
    });

  program.command('outreach').description("today's people to write to, each with a ready draft: follow-ups, people met at events, overdue ties")
    .option('--limit <n>', 'most people', integer, 20).option('--full', 'print every draft in full').option('--json', 'print as JSON')
    .action(async (o: { limit: number; full?: boolean; json?: boolean }) => {
      const r = await rt.run(outreachToday, { limit: o.limit });
      if (o.json) return printJson(r);
      console.log(renderOutreach(r.items, Boolean(o.full)));
    });

  program.command('lint').description('check any message for networking mistakes (job ask, self-talk, no context, no small ask, ...)')
    .argument('[file]', 'a text file, or - for standard input', '-')
    .addOption(new Option('--mode <mode>', 'check as a first message (job asks are errors) or an ongoing conversation; default: from --contact\'s record, else first').choices(['first', 'ongoing']))
    .option('--not-first', 'same as --mode ongoing')
    .option('--contact <contact>', 'the recipient in Rapport (id or part of the name): their record decides the mode, their name the greeting')
    .option('--to <name>', 'the recipient\'s name, to check the greeting uses it')
    .option('--json', 'print as JSON')
    .addHelpText('after', LINT_HELP)
    .action(async (file: string, o: { mode?: 'first' | 'ongoing'; notFirst?: boolean; contact?: string; to?: string; json?: boolean }) => {
      const text = await readText(file);
      const contactId = o.contact ? await rt.contactId(o.contact, 'contact') : undefined;
      const r = await rt.run(draftLint, {
        text, mode: o.mode ?? (o.notFirst ? 'ongoing' : undefined), contactId, recipientName: o.to,
      });
      if (o.json) printJson(r);
      else console.log(`${dim(r.modeText)}\n${renderFindings(r.findings)}`);
      if (r.blocking) process.exitCode = EXIT.failure;
    });

  const send = program.command('send').description('send a draft (copy, mailto: link or .eml file) and log it; refuses while a placeholder is unfilled')
    .argument('<contact>', 'id or part of the name')
    .addOption(new Option('--via <how>', 'clipboard prints the text for piping; mailto prints the link; eml writes a file').choices(['clipboard', 'mailto', 'eml']).makeOptionMandatory())
    .option('-o, --output <file>', 'with --via eml: where to write the .eml (default: DAY-NAME.eml here)')
    .option('-f, --file <file>', 'send this text (your edited draft; - for standard input) instead of composing from --template')
    .option('--subject <text>', 'the subject line (default: the template\'s)')
    .addOption(new Option('--channel <channel>', 'logged as').choices(['email', 'message']).default('email'))
    .option('--follow-up-in <days>', 'days before a nudge if no reply (default 10; none after thanks, congratulations, sharing)', integer)
    .option('--no-follow-up', 'plan no nudge')
    .option('--from <address>', 'your email address, for the .eml From header')
    .option('--json', 'print the result as JSON');
  composeOptions(send, 'template key (see `rapport templates`); or --file').action(async (ref: string, o: ComposeOptions & {
    via: 'clipboard' | 'mailto' | 'eml'; output?: string; file?: string; subject?: string; channel: string; followUpIn?: number; followUp: boolean; from?: string; json?: boolean;
  }) => {
    // Checked before anything is logged, so a bad path does not leave a message marked sent but never written.
    if (o.output) {
      const dir = dirname(resolve(o.output));
      await access(dir, constants.W_OK).catch(() => { throw invalid('--output', `cannot write a file in ${JSON.stringify(dir)}`); });
    }
    if (o.file === undefined && o.template === undefined) throw invalid('--template', 'say what to send: --template KEY to compose it, or --file FILE with your own text');
    const contactId = await rt.contactId(ref);
    // With both, the template gives the subject (and the occasion) and the file the words.
    const draft = o.template !== undefined ? await compose(rt, ref, o) : null;
    const text = o.file !== undefined ? await readText(o.file) : (draft?.text ?? '');
    // Sending (the journal of sent messages, follow-ups, actions, .eml files) loads for this command only.
    const { draftSend } = await import('../../services/drafts-send.service.ts');
    const sent = await rt.run(draftSend, {
      contactId, text, subject: o.subject ?? draft?.subject ?? '', channel: o.channel, via: o.via,
      template: o.template, goalId: o.goal, introduceContactId: o.introduce ? await rt.contactId(o.introduce, 'introduce') : undefined,
      followUpInDays: o.followUp ? o.followUpIn : null, mode: o.mode ?? draft?.mode, firstMessage: o.firstMessage, from: o.from,
    });
    let wrote: string | null = null;
    if (sent.eml !== null) {
      wrote = o.output ?? sent.emlFileName ?? 'message.eml';
      await writeFile(wrote, sent.eml);
    }
    if (o.json) return printJson({ ...sent, wrote });
    if (o.via === 'clipboard') writeData(`${sent.text}\n`);
    if (o.via === 'mailto') console.log(sent.mailto);
    if (wrote) note(`wrote ${wrote}`);
    if (sent.warnings.length) note(renderFindings(sent.warnings));
    for (const n of sent.notes) note(dim(n));
    const next = sent.followUp ? `; nudge planned ${sent.followUp.dueOn}` : '';
    note(dim(`logged ${sent.interaction.kind} with ${sent.interaction.participants.map((p) => p.name).join(', ')}${next}`));
  });

  const templates = program.command('templates').description('message templates: list, show, save your own, delete')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await rt.run(templateList, {});
      if (o.json) return printJson(list);
      console.log(renderTemplates(list));
    });
  templates.command('show').description('one template, part by part').argument('<key>').option('--json', 'print as JSON')
    .action(async (key: string, o: { json?: boolean }) => {
      const entry = await rt.run(templateGet, { key });
      if (o.json) return printJson(entry);
      console.log(renderTemplate(entry));
    });
  templates.command('save').description('add or replace a template from a JSON file (a built-in key edits that built-in)')
    .argument('<file>', 'JSON: { key, name, subject?, firstMessage?, parts: { greeting, context, intent, closing }, blurb? }; - for stdin')
    .action(async (file: string) => {
      const raw = await readText(file);
      let input: unknown;
      try { input = JSON.parse(raw) as unknown; } catch (error) {
        throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
      }
      const r = await rt.run(templateSave, input);
      console.log(`saved ${r.template.key} (${r.template.origin})`);
      for (const w of r.warnings) note(dim(w));
    });
  templates.command('delete').description('delete a template of yours (deleting your edit of a built-in restores it)').argument('<key>')
    .action(async (key: string) => {
      const r = await rt.run(templateDelete, { key });
      console.log(`deleted ${r.deleted}${r.restoredBuiltIn ? ' (the built-in is back)' : ''}`);
    });
}
