import { Option, type Command } from 'commander';
import { NETWORKS } from '../../domain/networks.ts';
import { dim, printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

// `rapport triage met`: attendees of captured meetings who are not contacts, to add or dismiss one by one.
export function registerTriageMetCommands(triage: Command, rt: CliRuntime): void {
  const met = triage.command('met').description('people you met in captured meetings who are not contacts yet: add or dismiss them');

  met.command('list', { isDefault: true }).description('people you met, most meetings first')
    .option('--limit <n>', 'page size', integer, 30).option('--offset <n>', 'skip this many', integer, 0).option('--json', 'print as JSON')
    .action(async (o: { limit: number; offset: number; json?: boolean }) => {
      const { metList } = await import('../../services/met-people.service.ts');
      const page = await rt.run(metList, { limit: o.limit, offset: o.offset });
      if (o.json) return printJson(page);
      if (page.total === 0) return console.log(dim('nobody waiting: everyone in your captured meetings is a contact, or was dismissed'));
      console.log(table(page.items.map((p) => [p.name ?? '', p.email, String(p.meetings), p.lastMetAt.slice(0, 10), p.lastMeeting ?? '']),
        ['name', 'email', 'meetings', 'last met', 'at']));
      console.log(dim(`${page.total} waiting; add: \`rapport triage met add <email>\`, or \`rapport triage met dismiss <email>\``));
    });

  met.command('add').description('add them as a contact (waiting in triage unless --network), with the meetings they were in')
    .argument('<email>', 'their address as the calendar showed it')
    .option('--name <name>', 'the name to give, if not the one the calendar showed')
    .addOption(new Option('--network <network>', 'put them in this network now').choices([...NETWORKS]))
    .option('--json', 'print the result as JSON')
    .action(async (email: string, o: { name?: string; network?: string; json?: boolean }) => {
      const { metAdd } = await import('../../services/met-people.service.ts');
      const r = await rt.run(metAdd, { email, ...(o.name ? { name: o.name } : {}), ...(o.network ? { network: o.network } : {}) });
      if (o.json) return printJson(r);
      console.log(`added contact #${r.contactId} with ${r.meetings} meeting${r.meetings === 1 ? '' : 's'}${o.network ? '' : '; sort them with `rapport triage`'}`);
    });

  met.command('dismiss').description('not someone to keep: never offered again')
    .argument('<email>', 'their address')
    .action(async (email: string) => {
      const { metDismiss } = await import('../../services/met-people.service.ts');
      await rt.run(metDismiss, { email });
      console.log(`dismissed ${email}`);
    });
}
