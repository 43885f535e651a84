import type { Command } from 'commander';
import { demoRemove } from '../../services/demo-remove.service.ts';
import { DEMO_DEFAULT_SIZE, DEMO_MAX_SIZE } from '../../services/demo/size.ts';
import { describeLocation } from '../../store/location.ts';
import { dim, printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

export function registerDemoCommand(program: Command, rt: CliRuntime): void {
  program.command('demo').description('fill an empty database with a realistic demo network, made by code (same seed, same network)')
    .option('--size <n>', `how many contacts (20–${DEMO_MAX_SIZE}; 30000 makes the benchmark network)`, integer, DEMO_DEFAULT_SIZE)
    .option('--seed <n>', 'another seed makes another network', integer, 1)
    .option('--remove', 'take the demo out again: every row it made, keeping what you added (see --dry-run)')
    .option('--dry-run', 'with --remove: say what would go, change nothing')
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', '\nRefuses a database that already holds anything: try it on a scratch file, e.g. RAPPORT_DB=/tmp/demo.db rapport demo')
    .action(async (o: { size: number; seed: number; json?: boolean; remove?: boolean; dryRun?: boolean }) => {
      if (o.remove) return removeDemo(rt, Boolean(o.dryRun), Boolean(o.json));
      const { demoLoad } = await import('../../services/demo.service.ts');
      const started = performance.now();
      const r = await rt.run(demoLoad, { size: o.size, seed: o.seed });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (o.json) return printJson({ ...r, seconds: Number(seconds) });
      const { store } = await rt.context();
      console.log(`demo network (seed ${r.seed}) written to ${describeLocation(store.location)} in ${seconds} s`);
      console.log(table([
        ['contacts', r.contacts], ['organisations', r.organisations], ['interactions', r.interactions], ['links', r.links],
        ['events', r.events], ['communities', r.communities], ['goals', r.goals], ['actions', r.actions], ['follow-ups', r.followUps],
      ].map(([k, v]) => [`  ${String(k)}`, String(v)])));
      console.log(dim('next: rapport today · rapport due · rapport goal list · rapport event list · rapport contact list --network strategic'));
    });
}

async function removeDemo(rt: CliRuntime, dryRun: boolean, json: boolean): Promise<void> {
  const r = await rt.run(demoRemove, { dryRun });
  if (json) return printJson(r);
  const yours = r.yours.interactions + r.yours.followUps + r.yours.actions + r.yours.links;
  console.log(`${dryRun ? 'would remove' : 'removed'} the demo: ${r.contacts} contacts, ${r.organisations} organisations, ${r.interactions} interactions, ${r.events} events, ${r.communities} communities, ${r.goals} goals`);
  if (yours > 0) {
    console.log(`${dryRun ? 'and would remove' : 'and removed'} what you added only with demo people: ${r.yours.interactions} interactions, ${r.yours.followUps} follow-ups, ${r.yours.actions} actions, ${r.yours.links} links`);
  }
  console.log(dim(dryRun ? 'nothing was changed: run without --dry-run to remove' : 'everything else you added is kept · `rapport undo` puts the demo back'));
}
