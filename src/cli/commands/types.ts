import { Option, type Command } from 'commander';
import { NETWORKS } from '../../domain/networks.ts';
import { connectionTypeAdd, connectionTypeList } from '../../services/connection-types.service.ts';
import { dim, printJson, table } from '../output.ts';
import type { CliRuntime } from '../runtime.ts';

// Seed 002's twelve types, seed 004's additions, and your own: each suggests a network, the user decides.
export function registerTypeCommands(program: Command, rt: CliRuntime): void {
  const types = program.command('types').description('connection types (built in and your own) and the network each suggests');

  types.command('list', { isDefault: true }).description('list connection types (the default)').option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await rt.run(connectionTypeList, {});
      if (o.json) return printJson(list);
      console.log(table(list.map((t) => [t.key, t.label, t.defaultNetwork, dim(t.builtIn ? 'built in' : 'yours')]), ['key', 'label', 'network', '']));
    });

  types.command('add').description('add your own connection type').argument('<key>', 'lowercase-with-dashes, e.g. board-member')
    .option('--label <label>', 'how it reads (default: from the key)')
    .addOption(new Option('--network <network>', 'the network it suggests').choices([...NETWORKS]).makeOptionMandatory())
    .option('--json', 'print the result as JSON')
    .action(async (key: string, o: { label?: string; network: string; json?: boolean }) => {
      const t = await rt.run(connectionTypeAdd, { key, defaultNetwork: o.network, ...(o.label ? { label: o.label } : {}) });
      if (o.json) return printJson(t);
      console.log(`added type ${t.key} (${t.label}), suggests ${t.defaultNetwork}`);
    });
}
