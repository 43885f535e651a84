import type { Command } from 'commander';
import type { Organisation } from '../../domain/entities.ts';
import {
  organisationCreate, organisationDelete, organisationGet, organisationList, organisationUpdate, type OrganisationDetail,
} from '../../services/organisations.service.ts';
import { dim, paint, printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import { pickByName } from '../refs.ts';
import type { CliRuntime } from '../runtime.ts';

export async function organisationId(rt: CliRuntime, ref: string): Promise<number> {
  if (/^\d+$/.test(ref.trim())) return Number(ref.trim());
  const page = await rt.run(organisationList, { query: ref, limit: 500 });
  return pickByName('organisation', ref, page.items);
}

interface OrgOptions { industry?: string; website?: string; mine?: boolean; notMine?: boolean; note?: string; name?: string; json?: boolean }

const orgOptions = (cmd: Command): Command => cmd
  .option('--industry <industry>', 'industry')
  .option('--website <url>', 'website')
  .option('--mine', 'this is my organisation: its people count as inside')
  .option('--note <text>', 'notes')
  .option('--json', 'print the result as JSON');

function orgInput(o: OrgOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (o.industry !== undefined) input.industry = o.industry;
  if (o.website !== undefined) input.website = o.website;
  if (o.note !== undefined) input.notes = o.note;
  if (o.mine) input.isMine = true;
  if (o.notMine) input.isMine = false;
  if (o.name !== undefined) input.name = o.name;
  return input;
}

const orgRow = (o: Organisation): string[] => [`#${o.id}`, o.isMine ? paint('bold', `${o.name} (mine)`) : o.name, o.industry ?? '', String(o.contactCount)];

function renderOrganisation(o: OrganisationDetail): string {
  const lines = table([
    [`  ${dim('industry')}`, o.industry ?? dim('—')],
    [`  ${dim('website')}`, o.website ?? dim('—')],
    [`  ${dim('my organisation')}`, o.isMine ? 'yes: its people count as inside' : 'no'],
    [`  ${dim('contacts')}`, String(o.contactCount)],
  ]);
  const out = [paint('bold', `${o.name}  #${o.id}`), lines];
  if (o.notes) out.push('', paint('bold', 'Notes'), `  ${o.notes}`);
  out.push('', paint('bold', `People (${o.contacts.length})`));
  out.push(o.contacts.length ? table(o.contacts.map((c) => [`  #${c.id}`, c.name, dim(c.title ?? '')])) : dim('  no contacts here yet'));
  return out.join('\n');
}

export function registerOrganisationCommands(program: Command, rt: CliRuntime): void {
  const org = program.command('org').alias('organisation').description('add, show, list and edit organisations (contacts name theirs with --org)');

  orgOptions(org.command('add').description('add an organisation').argument('<name>', 'its name'))
    .action(async (name: string, o: OrgOptions) => {
      const created = await rt.run(organisationCreate, { name, ...orgInput(o) });
      if (o.json) return printJson(created);
      console.log(`added ${created.name} #${created.id}${created.isMine ? ' (my organisation)' : ''}`);
    });

  org.command('show').description('one organisation with its people').argument('<organisation>', 'id or part of the name')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      const detail = await rt.run(organisationGet, { id: await organisationId(rt, ref) });
      if (o.json) return printJson(detail);
      console.log(renderOrganisation(detail));
    });

  org.command('list').description('organisations by name, with how many contacts each has')
    .option('--query <words>', 'only names containing this').option('--limit <n>', 'page size', integer, 50)
    .option('--offset <n>', 'skip this many', integer, 0).option('--json', 'print as JSON')
    .action(async (o: { query?: string; limit: number; offset: number; json?: boolean }) => {
      const page = await rt.run(organisationList, { ...(o.query ? { query: o.query } : {}), limit: o.limit, offset: o.offset });
      if (o.json) return printJson(page);
      console.log(page.items.length ? table(page.items.map(orgRow), ['id', 'name', 'industry', 'contacts']) : dim('no organisations'));
      if (page.total > page.items.length) console.log(dim(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`));
    });

  orgOptions(org.command('edit').description('change an organisation (--mine moves its people inside)').argument('<organisation>', 'id or part of the name')
    .option('--name <name>', 'new name').option('--not-mine', 'no longer my organisation'))
    .action(async (ref: string, o: OrgOptions) => {
      const updated = await rt.run(organisationUpdate, { id: await organisationId(rt, ref), ...orgInput(o) });
      if (o.json) return printJson(updated);
      console.log(`updated ${updated.name} #${updated.id}`);
    });

  org.command('remove').description('delete an organisation; its contacts stay, without one').argument('<organisation>', 'id or part of the name')
    .action(async (ref: string) => {
      const r = await rt.run(organisationDelete, { id: await organisationId(rt, ref) });
      console.log(`removed; ${r.contactsDetached} contact${r.contactsDetached === 1 ? '' : 's'} no longer name it`);
    });
}
