import { InvalidArgumentError, Option, type Command } from 'commander';
import { DATE_KINDS } from '../../domain/card.ts';
import { formatDay } from '../../domain/card.ts';
import { occasionPhrase, type ImportantDate } from '../../domain/important-dates.ts';
import { dim, printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

// "1984-02-29", "--02-29" or "02-29": split only; the operation says which part is wrong ("day: 30 is not a day of month 2").
export function dateParts(value: string): { year: number | null; month: number; day: number } {
  const m = /^(?:(\d{4})-|--)?(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`not a date: ${JSON.stringify(value)} (write YYYY-MM-DD, or MM-DD when the year is unknown)`);
  return { year: m[1] ? Number(m[1]) : null, month: Number(m[2]), day: Number(m[3]) };
}

interface DateFlags { kind?: string; label?: string; once?: boolean; yearly?: boolean; json?: boolean }

const describe = (d: ImportantDate): string[] =>
  [d.id === null ? '—' : String(d.id), formatDay(d), d.kind, d.label ?? '', d.yearly ? 'yearly' : 'once'];

export function registerDateCommands(program: Command, rt: CliRuntime): void {
  const dates = program.command('dates').description("birthdays, anniversaries and other days that matter to a contact, and what is coming up");
  dates.command('list').description("a contact's dates (the birthday is edited with `rapport edit --birthday`)").argument('<contact>', 'id or part of the name')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o: DateFlags) => {
      const { dateList } = await import('../../services/important-dates.service.ts');
      const list = await rt.run(dateList, { contactId: await rt.contactId(ref) });
      if (o.json) return printJson(list);
      console.log(list.length ? table(list.map(describe), ['id', 'date', 'kind', 'label', 'repeats']) : dim('no dates yet: rapport dates add <contact> <date> --label "…"'));
    });
  dates.command('add').description('add a date; yearly unless --once (year unknown: MM-DD); Feb 29 falls on the 28th in other years')
    .argument('<contact>', 'id or part of the name').argument('<date>', 'YYYY-MM-DD, or MM-DD when the year is unknown', dateParts)
    .addOption(new Option('--kind <kind>', 'what kind of day').choices([...DATE_KINDS]).default('other'))
    .option('--label <text>', 'what it is: "started at Northstar", "work anniversary"')
    .option('--once', 'it happened once (needs the year): shown when it comes, not every year')
    .option('--json', 'print as JSON')
    .action(async (ref: string, date: ReturnType<typeof dateParts>, o: DateFlags) => {
      const { dateAdd } = await import('../../services/important-dates.service.ts');
      const added = await rt.run(dateAdd, { contactId: await rt.contactId(ref), ...date, kind: o.kind, label: o.label ?? null, yearly: !o.once });
      if (o.json) return printJson(added);
      console.log(`added date ${added.id}: ${formatDay(added)} ${added.label ?? added.kind} (${added.yearly ? 'yearly' : 'once'})`);
    });
  dates.command('edit').description('change a date; what is not given stays').argument('<id>', 'the date id (rapport dates list <contact>)', integer)
    .option('--date <date>', 'YYYY-MM-DD or MM-DD', dateParts)
    .addOption(new Option('--kind <kind>', 'what kind of day').choices([...DATE_KINDS]))
    .option('--label <text>', 'what it is').option('--once', 'it happened once').option('--yearly', 'it comes back every year').option('--json', 'print as JSON')
    .action(async (id: number, o: DateFlags & { date?: ReturnType<typeof dateParts> }) => {
      const { dateUpdate } = await import('../../services/important-dates.service.ts');
      const changed = await rt.run(dateUpdate, {
        id, ...(o.date ?? {}), ...(o.kind ? { kind: o.kind } : {}), ...(o.label !== undefined ? { label: o.label } : {}),
        ...(o.once ? { yearly: false } : o.yearly ? { yearly: true } : {}),
      });
      if (o.json) return printJson(changed);
      console.log(`date ${id}: ${formatDay(changed)} ${changed.label ?? changed.kind} (${changed.yearly ? 'yearly' : 'once'})`);
    });
  dates.command('remove').description('remove a date').argument('<id>', 'the date id', integer)
    .action(async (id: number) => {
      const { dateRemove } = await import('../../services/important-dates.service.ts');
      const { removed } = await rt.run(dateRemove, { id });
      console.log(`removed ${formatDay(removed)} ${removed.label ?? removed.kind}`);
    });
  dates.command('upcoming').description('dates coming up (the datesAheadDays setting, 7 unless changed)')
    .option('--days <n>', 'look this many days ahead', integer).option('--json', 'print as JSON')
    .action(async (o: { days?: number; json?: boolean }) => {
      const { datesUpcoming } = await import('../../services/important-dates.service.ts');
      const r = await rt.run(datesUpcoming, o.days !== undefined ? { days: o.days } : {});
      if (o.json) return printJson(r);
      if (!r.items.length) return console.log(dim(`nothing in the next ${r.days} days`));
      console.log(table(r.items.map((d) => [d.on, d.daysAway === 0 ? 'today' : `in ${d.daysAway}d`, d.contactName, occasionPhrase(d)]), ['day', 'when', 'who', 'what']));
    });
}
