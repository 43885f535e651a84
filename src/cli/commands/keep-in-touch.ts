import { Option, type Command } from 'commander';
import { CHANNELS, INTERACTION_KINDS } from '../../domain/channels.ts';
import { addDays, toIsoDay } from '../../domain/dates.ts';
import { contactList } from '../../services/contact-list.service.ts';
import { contactSnooze, followUpAdd, followUpDone, followUpList, followUpSnooze } from '../../services/follow-ups.service.ts';
import { interactionLog } from '../../services/interactions.service.ts';
import { TODAY_SECTIONS, TODAY_SHORT_LIST, today, type TodaySection } from '../../services/today.service.ts';
import { dim, printJson, table } from '../output.ts';
import { dayWord, integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';
import { renderContactList } from '../views/contact.view.ts';
import { renderToday } from '../views/today.view.ts';

const snoozeInput = (o: { until?: string; days?: number }, now: Date) =>
  o.until !== undefined ? { until: dayWord(o.until, now) } : { days: o.days ?? 7 };

export function registerKeepInTouchCommands(program: Command, rt: CliRuntime): void {
  program.command('today').description('what to do now: follow-ups, actions due, people met at events, keep in touch; each short, most overdue first')
    .option('--limit <n>', `rows per section (default ${TODAY_SHORT_LIST}; with --show, 100)`, integer)
    .addOption(new Option('--show <section>', 'one section in full, in the same order').choices([...TODAY_SECTIONS]))
    .option('--offset <n>', 'with --show: skip this many rows', integer, 0)
    .option('--json', 'print as JSON')
    .action(async (o: { limit?: number; show?: TodaySection; offset: number; json?: boolean }) => {
      const v = await rt.run(today, { limit: o.limit ?? (o.show ? 100 : TODAY_SHORT_LIST), section: o.show, offset: o.offset });
      if (o.json) return printJson(v);
      console.log(renderToday(v));
    });

  program.command('due').description('everyone due for keep-in-touch by a day (default: within a week), most overdue first')
    .option('--within <days>', 'due within this many days', integer, 7).option('--limit <n>', 'page size', integer, 100)
    .option('--json', 'print as JSON')
    .action(async (o: { within: number; limit: number; json?: boolean }) => {
      const day = toIsoDay(rt.clock.now());
      const page = await rt.run(contactList, { due: 'due', sort: 'next-due', limit: o.limit });
      const items = page.items.filter((c) => c.nextDueOn !== null && c.nextDueOn <= addDays(day, o.within));
      if (o.json) return printJson(items);
      console.log(renderContactList(items, day));
      if (page.total > items.length) console.log(dim(`${page.total} due within a week in all`));
    });

  program.command('log').description('log an interaction; it resets the keep-in-touch clock of everyone in it')
    .argument('<contacts...>', 'ids or parts of names of everyone who took part')
    .addOption(new Option('--kind <kind>', 'what happened').choices([...INTERACTION_KINDS]).default('message'))
    .addOption(new Option('--channel <channel>', 'how (default follows the kind)').choices([...CHANNELS]))
    .option('--when <date>', 'YYYY-MM-DD, today, yesterday, "3d ago"', 'now')
    .option('--note <text>', 'what was said or done')
    .option('--gave <what>', 'value you gave (an intro, advice...)')
    .option('--received <what>', 'value you received')
    .option('--mutual <what>', 'value exchanged both ways')
    .option('--thanked', 'you expressed gratitude')
    .option('--json', 'print the result as JSON')
    .action(async (refs: string[], o: { kind: string; channel?: string; when: string; note?: string; gave?: string; received?: string; mutual?: string; thanked?: boolean; json?: boolean }) => {
      const contactIds = await Promise.all(refs.map((r) => rt.contactId(r)));
      const [value, valueNote] = o.gave !== undefined ? ['given', o.gave] : o.received !== undefined ? ['received', o.received] : o.mutual !== undefined ? ['mutual', o.mutual] : ['none', undefined];
      const logged = await rt.run(interactionLog, {
        contactIds, occurredAt: dayWord(o.when, rt.clock.now()), kind: o.kind, channel: o.channel, summary: o.note, value, valueNote, gratitude: Boolean(o.thanked),
      });
      if (o.json) return printJson(logged);
      console.log(`logged ${logged.kind} (${logged.channel}) with ${logged.participants.map((p) => p.name).join(', ')} on ${logged.occurredAt.slice(0, 10)}`);
    });

  const follow = program.command('followup').alias('follow-up').description('plan, finish and snooze follow-ups');
  follow.command('add').description('plan a follow-up').argument('<contact>', 'id or part of the name').argument('<reason>', 'why')
    .option('--due <date>', 'YYYY-MM-DD, tomorrow, "in 3d"', 'tomorrow').option('--json', 'print as JSON')
    .action(async (ref: string, reason: string, o: { due: string; json?: boolean }) => {
      const f = await rt.run(followUpAdd, { contactId: await rt.contactId(ref), reason, dueOn: dayWord(o.due, rt.clock.now()) });
      if (o.json) return printJson(f);
      console.log(`follow-up #${f.id} with ${f.contactName} due ${f.dueOn}`);
    });
  follow.command('done').description('mark a follow-up done').argument('<id>', 'follow-up id', integer)
    .action(async (id: number) => { const f = await rt.run(followUpDone, { id }); console.log(`done: ${f.reason} (${f.contactName})`); });
  follow.command('snooze').description('put a follow-up off').argument('<id>', 'follow-up id', integer)
    .option('--until <date>', 'until this day').option('--days <n>', 'for this many days', integer)
    .action(async (id: number, o: { until?: string; days?: number }) => {
      const f = await rt.run(followUpSnooze, { id, ...snoozeInput(o, rt.clock.now()) });
      console.log(`snoozed until ${f.snoozedUntil}: ${f.reason} (${f.contactName})`);
    });
  follow.command('list').description('open follow-ups').argument('[contact]', 'only this contact')
    .option('--all', 'include done ones').option('--json', 'print as JSON')
    .action(async (ref: string | undefined, o: { all?: boolean; json?: boolean }) => {
      const list = await rt.run(followUpList, { ...(ref ? { contactId: await rt.contactId(ref) } : {}), includeDone: Boolean(o.all) });
      if (o.json) return printJson(list);
      console.log(list.length ? table(list.map((f) => [`#${f.id}`, f.dueOn, f.contactName, f.reason, dim(f.doneAt ? 'done' : f.snoozedUntil ? `snoozed to ${f.snoozedUntil}` : '')])) : dim('no follow-ups'));
    });

  program.command('snooze').description("put contacts' keep-in-touch reminder off (the next interaction clears it)")
    .argument('<contacts...>', 'ids or parts of names').option('--until <date>', 'until this day').option('--days <n>', 'for this many days (default 7)', integer)
    .action(async (refs: string[], o: { until?: string; days?: number }) => {
      const ids = await Promise.all(refs.map((r) => rt.contactId(r)));
      const r = await rt.run(contactSnooze, { ids, ...snoozeInput(o, rt.clock.now()) });
      console.log(`snoozed ${ids.length} until ${r.snoozedUntil}`);
    });
}
