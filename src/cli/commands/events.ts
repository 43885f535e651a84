import { Option, type Command } from 'commander';
import { EVENT_KINDS, type NetworkingEvent } from '../../domain/entities.ts';
import { eventAttend, eventCreate, eventGet, eventList } from '../../services/events.service.ts';
import { dim, paint, printJson, table } from '../output.ts';
import { dayWord, integer } from '../parse.ts';
import { pickByName } from '../refs.ts';
import type { CliRuntime } from '../runtime.ts';
import { communityId } from './communities.ts';

async function eventId(rt: CliRuntime, ref: string): Promise<number> {
  if (/^\d+$/.test(ref.trim())) return Number(ref.trim());
  const page = await rt.run(eventList, { limit: 500 });
  return pickByName('event', ref, page.items);
}

function renderEvent(e: NetworkingEvent): string {
  const met = e.attendees.filter((a) => a.metThere);
  const out = [paint('bold', `${e.name}  #${e.id}`), table([
    [`  ${dim('kind')}`, e.kind], [`  ${dim('date')}`, e.date], [`  ${dim('place')}`, e.place ?? dim('—')],
    [`  ${dim('attendees')}`, `${e.attendees.length}, of whom you met ${met.length} there`],
  ])];
  if (e.notes) out.push('', paint('bold', 'Notes'), `  ${e.notes}`);
  out.push('', paint('bold', 'Who was there'));
  out.push(e.attendees.length ? table(e.attendees.map((a) => [`  #${a.id}`, a.name, a.metThere ? 'met there' : dim('attended')]))
    : dim('  nobody recorded: `rapport event attend ...`'));
  return out.join('\n');
}

// Seed 003: conferences, meetups and webinars, who was there, and whom you met (each met person gets a follow-up).
export function registerEventCommands(program: Command, rt: CliRuntime): void {
  const event = program.command('event').description('events you went to, who was there and whom you met');

  event.command('add').description('record an event').argument('<name>', 'its name')
    .addOption(new Option('--kind <kind>', 'what sort of event').choices([...EVENT_KINDS]).makeOptionMandatory())
    .requiredOption('--date <date>', 'YYYY-MM-DD, today, yesterday, "3d ago", "in 10d"')
    .option('--place <place>', 'where').option('--community <community>', 'the community that held it')
    .option('--note <text>', 'notes').option('--json', 'print the result as JSON')
    .action(async (name: string, o: { kind: string; date: string; place?: string; community?: string; note?: string; json?: boolean }) => {
      const e = await rt.run(eventCreate, {
        name, kind: o.kind, date: dayWord(o.date, rt.clock.now()), ...(o.place ? { place: o.place } : {}),
        ...(o.community ? { communityId: await communityId(rt, o.community) } : {}), ...(o.note ? { notes: o.note } : {}),
      });
      if (o.json) return printJson(e);
      console.log(`added ${e.name} #${e.id} on ${e.date}`);
    });

  event.command('attend').description('record contacts at an event; --met plans a follow-up with each')
    .argument('<event>', 'id or part of the name').argument('<contacts...>', 'ids or parts of names')
    .option('--met', 'you met them there (not just saw them)').option('--json', 'print the result as JSON')
    .action(async (ref: string, refs: string[], o: { met?: boolean; json?: boolean }) => {
      const id = await eventId(rt, ref);
      const contactIds = await Promise.all(refs.map((r) => rt.contactId(r)));
      const r = await rt.run(eventAttend, { eventId: id, contactIds, metThere: Boolean(o.met) });
      if (o.json) return printJson(r);
      console.log(`${r.event.name}: ${r.event.attendees.length} attendee${r.event.attendees.length === 1 ? '' : 's'}${r.followUpsCreated ? `, ${r.followUpsCreated} follow-up${r.followUpsCreated === 1 ? '' : 's'} planned` : ''}`);
    });

  event.command('show').description('one event with who was there and whom you met').argument('<event>', 'id or part of the name')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      const e = await rt.run(eventGet, { id: await eventId(rt, ref) });
      if (o.json) return printJson(e);
      console.log(renderEvent(e));
    });

  event.command('list').description('events, newest first').option('--community <community>', 'only this community\'s events')
    .option('--limit <n>', 'page size', integer, 50).option('--offset <n>', 'skip this many', integer, 0).option('--json', 'print as JSON')
    .action(async (o: { community?: string; limit: number; offset: number; json?: boolean }) => {
      const page = await rt.run(eventList, {
        limit: o.limit, offset: o.offset, ...(o.community ? { communityId: await communityId(rt, o.community) } : {}),
      });
      if (o.json) return printJson(page);
      console.log(page.items.length ? table(page.items.map((e) => [`#${e.id}`, e.date, e.kind, e.name, e.place ?? '', String(e.attendeeCount)]), ['id', 'date', 'kind', 'event', 'place', 'attendees'])
        : dim('no events yet: `rapport event add "..." --kind meetup --date today`'));
      if (page.total > page.items.length) console.log(dim(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`));
    });
}
