import { Option, type Command } from 'commander';
import { NETWORKS } from '../../domain/networks.ts';
import { toIsoDay } from '../../domain/dates.ts';
import { communityList } from '../../services/communities.service.ts';
import { goalList } from '../../services/goals.service.ts';
import { linkList } from '../../services/links.service.ts';
import { contactList, search } from '../../services/contact-list.service.ts';
import { contactArchive, contactCreate, contactErase, contactGet, contactUpdate, type ContactWrite } from '../../services/contacts.service.ts';
import { interactionList } from '../../services/interactions.service.ts';
import { dim, paint, printJson } from '../output.ts';
import { collect, integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';
import { renderContact, renderContactList, type ContactAround } from '../views/contact.view.ts';

interface ContactOptions {
  org?: string; title?: string; network?: string[]; type?: string; email?: string[]; phone?: string[]; url?: string[];
  linkedin?: string; tag?: string[]; location?: string; birthday?: string; met?: string; metAt?: string; note?: string;
  industry?: string; cadence?: number; inside?: boolean; given?: string; family?: string;
}

const contactOptions = (cmd: Command): Command =>
  cmd
    .option('--org <name>', 'organisation (created if new)')
    .option('--title <title>', 'job title')
    .addOption(new Option('--network <network...>', `networks: ${NETWORKS.join(', ')} (repeat or comma-separate)`).argParser(collect))
    .option('--type <type>', 'connection type (see `rapport types`)')
    .option('--email <email>', 'email address (repeatable)', collect)
    .option('--phone <phone>', 'phone number (repeatable)', collect)
    .option('--url <url>', 'web link (repeatable)', collect)
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--location <place>', 'where they are based')
    .option('--birthday <date>', 'YYYY-MM-DD or --MM-DD')
    .option('--met <how>', 'how you met')
    .option('--met-at <where>', 'where you met')
    .option('--note <text>', 'notes')
    .option('--industry <industry>', 'industry')
    .option('--cadence <days>', 'keep-in-touch every N days (overrides the network default)', integer)
    .option('--inside', 'inside my organisation')
    .option('--outside', 'outside my organisation')
    .option('--given <name>', 'given name')
    .option('--family <name>', 'family name');

function contactInput(o: ContactOptions & { outside?: boolean }): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => { if (value !== undefined) input[key] = value; };
  set('organisation', o.org); set('title', o.title); set('networks', o.network); set('connectionType', o.type);
  set('emails', o.email); set('phones', o.phone); set('tags', o.tag); set('location', o.location); set('birthday', o.birthday);
  set('metHow', o.met); set('metWhere', o.metAt); set('notes', o.note); set('industry', o.industry); set('cadenceDays', o.cadence);
  set('givenName', o.given); set('familyName', o.family);
  if (o.inside) input.insideOrganisation = true;
  if (o.outside) input.insideOrganisation = false;
  const urls = [...(o.url ?? []), ...(o.linkedin ? [o.linkedin] : [])];
  if (urls.length) input.webLinks = urls;
  return input;
}

function printWrite(rt: CliRuntime, verb: string, w: ContactWrite, json: boolean | undefined): void {
  if (json) return printJson(w);
  for (const warning of w.warnings) process.stderr.write(`${paint('yellow', 'warning:', process.stderr)} ${warning}\n`);
  console.log(`${verb} ${w.contact.name} #${w.contact.id} — next due ${w.contact.nextDueOn}`);
  void rt;
}

export function registerContactCommands(program: Command, rt: CliRuntime): void {
  const contact = program.command('contact').description('add, show, edit, list, archive and erase contacts');

  contactOptions(contact.command('add').description('add a contact').argument('<name>', 'full name').option('--json', 'print the result as JSON'))
    .action(async (name: string, o: ContactOptions & { json?: boolean }) => {
      printWrite(rt, 'added', await rt.run(contactCreate, { name, ...contactInput(o) }), o.json);
    });

  contact.command('show').description('everything about one contact, with its timeline').argument('<contact>', 'id or part of the name')
    .option('--json', 'print as JSON').option('--limit <n>', 'interactions to show', integer, 20)
    .action(async (ref: string, o: { json?: boolean; limit: number }) => {
      const id = await rt.contactId(ref);
      const c = await rt.run(contactGet, { id });
      const [timeline, goals, communities, links] = await Promise.all([
        rt.run(interactionList, { contactId: id, limit: o.limit }),
        rt.run(goalList, {}),
        rt.run(communityList, { contactId: id }),
        rt.run(linkList, { contactId: id, limit: 100 }),
      ]);
      const about: ContactAround = {
        goals: goals.filter((g) => g.contacts.some((p) => p.id === id)).map((g) => ({ id: g.id, description: g.description, kind: g.kind, status: g.status })),
        communities: communities.map((m) => ({ id: m.id, name: m.name, kind: m.kind })),
        links: links.items.map((l) => (l.aId === id ? { id: l.bId, name: l.bName, strength: l.strength, note: l.note } : { id: l.aId, name: l.aName, strength: l.strength, note: l.note })),
        linksTotal: links.total,
      };
      if (o.json) return printJson({ ...c, ...about, timeline: timeline.items });
      console.log(renderContact(c, timeline.items, toIsoDay(rt.clock.now()), about));
    });

  contactOptions(contact.command('edit').description('change fields of a contact (lists given replace the old ones)').argument('<contact>', 'id or part of the name')
    .option('--name <name>', 'new full name').option('--json', 'print the result as JSON'))
    .action(async (ref: string, o: ContactOptions & { name?: string; json?: boolean }) => {
      const id = await rt.contactId(ref);
      const input = { id, ...contactInput(o), ...(o.name !== undefined ? { name: o.name } : {}) };
      printWrite(rt, 'updated', await rt.run(contactUpdate, input), o.json);
    });

  contact.command('list').description('list contacts, filtered and paged')
    .addOption(new Option('--network <network>', 'only this network').choices([...NETWORKS]))
    .option('--type <type>', 'only this connection type').option('--tag <tag>', 'only this tag')
    .option('--inside', 'only inside my organisation').option('--outside', 'only outside my organisation')
    .addOption(new Option('--due <status>', 'due status').choices(['overdue', 'due-this-week', 'due', 'ok']))
    .option('--query <words>', 'full-text search').option('--archived', 'archived contacts instead')
    .addOption(new Option('--sort <by>', 'order').choices(['name', 'next-due', 'last-interaction']).default('name'))
    .option('--limit <n>', 'page size', integer, 50).option('--offset <n>', 'skip this many', integer, 0).option('--json', 'print as JSON')
    .action(async (o: Record<string, unknown>) => {
      const input: Record<string, unknown> = { limit: o.limit, offset: o.offset, sort: o.sort, archived: Boolean(o.archived) };
      for (const k of ['network', 'tag', 'due', 'query'] as const) if (o[k] !== undefined) input[k] = o[k];
      if (o.type !== undefined) input.connectionType = o.type;
      if (o.inside) input.inside = true;
      if (o.outside) input.inside = false;
      const page = await rt.run(contactList, input);
      if (o.json) return printJson(page);
      console.log(renderContactList(page.items, toIsoDay(rt.clock.now())));
      console.log(dim(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`));
    });

  for (const [verb, archived, help] of [['archive', true, 'archive contacts (kept, off every due list)'], ['unarchive', false, 'bring archived contacts back']] as const) {
    contact.command(verb).description(help).argument('<contacts...>', 'ids or parts of names')
      .action(async (refs: string[]) => {
        const ids = await Promise.all(refs.map((r) => rt.contactId(r)));
        const { changed } = await rt.run(contactArchive, { ids, archived });
        console.log(`${verb}d ${changed} contact${changed === 1 ? '' : 's'}`);
      });
  }

  contact.command('erase').description('erase contacts everywhere, for privacy (cannot be undone)').argument('<contacts...>', 'ids or parts of names')
    .option('--yes', 'do not ask for confirmation')
    .action(async (refs: string[], o: { yes?: boolean }) => {
      const ids = await Promise.all(refs.map((r) => rt.contactId(r)));
      if (!o.yes) {
        process.stderr.write(`this erases ${ids.length} contact(s) and every trace of them; add --yes to confirm\n`);
        process.exitCode = 2;
        return;
      }
      const { erased } = await rt.run(contactErase, { ids });
      console.log(`erased ${erased} contact${erased === 1 ? '' : 's'}`);
    });

  program.command('search').description('full-text search over names, organisations, notes, tags and interactions').argument('<words...>')
    .option('--limit <n>', 'most results', integer, 20).option('--json', 'print as JSON')
    .action(async (words: string[], o: { limit: number; json?: boolean }) => {
      const hits = await rt.run(search, { query: words.join(' '), limit: o.limit });
      if (o.json) return printJson(hits);
      console.log(renderContactList(hits, toIsoDay(rt.clock.now())));
    });
}
