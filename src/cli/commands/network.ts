import { Option, type Command } from 'commander';
import { printJson } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';
import { renderBridges, renderIntro, renderReport } from '../views/network.view.ts';

export function registerNetworkCommands(program: Command, rt: CliRuntime): void {
  program.command('report').description('the shape of your networks: balance against your situation, tie strength, dormant ties, reciprocity, brokers, clusters, and advice')
    .option('--json', 'print the full report as JSON')
    .action(async (o: { json?: boolean }) => {
      const { networkReport } = await import('../../services/network.service.ts');
      const r = await rt.run(networkReport, {});
      if (o.json) return printJson(r);
      console.log(renderReport(r, rt.clock.now()));
    });

  program.command('bridges').description('rank who bridges your clusters by exact betweenness and keep it: reports then use it until your links change (minutes at 30,000 contacts)')
    .option('--json', 'print as JSON')
    // What the CLI starts by itself after a change (cli/background.ts): low priority, quiet, one at a time.
    .addOption(new Option('--background', 'compute quietly at low priority unless another computation is under way').hideHelp())
    .action(async (o: { json?: boolean; background?: boolean }) => {
      if (o.background) {
        const { lowerOwnPriority } = await import('../background.ts');
        lowerOwnPriority();
        const { runBridgeWork } = await import('../../services/bridges-background.ts');
        const { ownerName } = await import('../../services/support/bridge-ranking.ts');
        const r = await runBridgeWork(await rt.context(), { owner: ownerName() });
        if (o.json) printJson(r);
        return;
      }
      const { bridgesRank } = await import('../../services/bridges.service.ts');
      const r = await rt.run(bridgesRank, {});
      if (o.json) return printJson(r);
      console.log(renderBridges(r));
    });

  program.command('intro').description('warm introduction paths to a contact or an organisation: whom to ask first, why, and the first step')
    .argument('<target>', 'a contact or organisation: id or part of the name')
    .option('-k <n>', 'how many paths (paths tied with the last are all shown)', integer, 3)
    .option('--org', 'the target is an organisation (an id is then an organisation id)')
    .option('--contact', 'the target is a contact')
    .option('--hops', 'fewest introductions first, ignoring tie strength')
    .option('--json', 'print as JSON')
    .action(async (target: string, o: { k: number; org?: boolean; contact?: boolean; hops?: boolean; json?: boolean }) => {
      const { introFind } = await import('../../services/network-intro.service.ts');
      const kind = o.org ? 'organisation' : o.contact ? 'contact' : 'auto';
      const r = await rt.run(introFind, { target, kind, k: o.k, by: o.hops ? 'hops' : 'strength' });
      if (o.json) return printJson(r);
      console.log(renderIntro(r));
    });
}
