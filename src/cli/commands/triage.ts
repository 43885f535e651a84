import { Option, type Command } from 'commander';
import { NETWORKS } from '../../domain/networks.ts';
import { TRIAGE_RULES } from '../../domain/triage.ts';
import { RapportError } from '../../domain/errors.ts';
import { triageList, triageSort, type TriagePage, type TriageSortResult } from '../../services/triage.service.ts';
import { dim, paint, printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';
import { registerTriageMetCommands } from './triage-met.ts';

interface FilterOptions { rule?: string; suggested?: string; suggestedType?: string; query?: string }

// The same filter for listing and for acting on "all matching", so what you list is what you act on.
const withFilter = (c: Command): Command => c
  .addOption(new Option('--rule <rule>', 'only those suggested by this rule').choices([...TRIAGE_RULES]))
  .addOption(new Option('--suggested <network>', 'only those whose suggested network is this').choices([...NETWORKS]))
  .option('--suggested-type <type>', 'only those whose suggested connection type is this')
  .option('--query <words>', 'only those with these words in name, title or organisation');

const filterOf = (o: FilterOptions) => ({
  ...(o.rule ? { rule: o.rule } : {}), ...(o.suggested ? { network: o.suggested } : {}),
  ...(o.suggestedType ? { connectionType: o.suggestedType } : {}), ...(o.query ? { query: o.query } : {}),
});

function renderTriage(page: TriagePage): string {
  if (page.unsorted === 0) return dim('nobody waiting in triage: every contact has a network');
  const rows = page.items.map((i) => [
    `#${i.id}`, i.name, [i.title, i.organisation].filter(Boolean).join(' at '), paint('bold', i.suggestion.network), dim(i.suggestion.reason),
    i.priority ? paint('cyan', i.priority) : '',
  ]);
  const rules = Object.entries(page.byRule).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ');
  return [
    table(rows, ['id', 'name', 'role', 'suggested', 'why', 'reconnect first']),
    dim(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total} matching (${page.unsorted} unsorted in all; by rule: ${rules || 'none'})`),
    dim('accept: `rapport triage accept <contacts...>` or `--all-matching` with the same filter; `rapport triage sort <contact> --network X`'),
  ].join('\n');
}

export function registerTriageCommands(program: Command, rt: CliRuntime): void {
  const triage = program.command('triage').description('sort imported contacts into your networks: suggestions with reasons, reconnect first');

  withFilter(triage.command('list', { isDefault: true }).description('unsorted contacts with a suggested network and type, and why'))
    .addOption(new Option('--order <order>', 'reconnect: what fits your situation first; name: alphabetical').choices(['reconnect', 'name']).default('reconnect'))
    .option('--limit <n>', 'page size', integer, 30).option('--offset <n>', 'skip this many', integer, 0).option('--json', 'print as JSON')
    .action(async (o: FilterOptions & { order: string; limit: number; offset: number; json?: boolean }) => {
      const page = await rt.run(triageList, { ...filterOf(o), order: o.order, limit: o.limit, offset: o.offset });
      if (o.json) return printJson(page);
      console.log(renderTriage(page));
    });

  // Contacts named, or every unsorted one matching the filter with --all-matching (never both, never neither).
  const target = async (refs: string[], o: FilterOptions & { allMatching?: boolean }) => {
    if (refs.length > 0 && o.allMatching) throw new RapportError('invalid', 'name contacts or give --all-matching, not both');
    if (refs.length === 0 && !o.allMatching) throw new RapportError('invalid', 'name the contacts to sort, or give --all-matching (with --rule, --suggested, --query to narrow it)');
    if (refs.length > 0 && Object.keys(filterOf(o)).length > 0) throw new RapportError('invalid', '--rule, --suggested, --suggested-type and --query go with --all-matching');
    return refs.length > 0 ? { ids: await Promise.all(refs.map((r) => rt.contactId(r))) } : { filter: filterOf(o) };
  };
  const report = (r: TriageSortResult, json?: boolean) => {
    if (json) return printJson(r);
    console.log(r.archived ? `archived ${r.archived} contact${r.archived === 1 ? '' : 's'}` : `sorted ${r.sorted} contact${r.sorted === 1 ? '' : 's'}; their keep-in-touch cadence has started`);
  };

  withFilter(triage.command('accept').description('take the suggested network and type for these contacts (or all matching)'))
    .argument('[contacts...]', 'ids or parts of names').option('--all-matching', 'every unsorted contact matching the filter').option('--json', 'print the result as JSON')
    .action(async (refs: string[], o: FilterOptions & { allMatching?: boolean; json?: boolean }) => {
      report(await rt.run(triageSort, { ...(await target(refs, o)), apply: 'suggestion' }), o.json);
    });

  withFilter(triage.command('sort').description('put these contacts (or all matching) in a network, whatever was suggested'))
    .argument('[contacts...]', 'ids or parts of names')
    .addOption(new Option('--network <network>', 'the network').choices([...NETWORKS]).makeOptionMandatory())
    .option('--type <type>', 'and this connection type (see `rapport types`)')
    .option('--all-matching', 'every unsorted contact matching the filter').option('--json', 'print the result as JSON')
    .action(async (refs: string[], o: FilterOptions & { network: string; type?: string; allMatching?: boolean; json?: boolean }) => {
      report(await rt.run(triageSort, { ...(await target(refs, o)), apply: 'network', network: o.network, ...(o.type ? { connectionType: o.type } : {}) }), o.json);
    });

  withFilter(triage.command('archive').description('archive these contacts (or all matching): out of triage and lists, kept on record'))
    .argument('[contacts...]', 'ids or parts of names').option('--all-matching', 'every unsorted contact matching the filter').option('--json', 'print the result as JSON')
    .action(async (refs: string[], o: FilterOptions & { allMatching?: boolean; json?: boolean }) => {
      report(await rt.run(triageSort, { ...(await target(refs, o)), apply: 'archive' }), o.json);
    });

  registerTriageMetCommands(triage, rt);
}
