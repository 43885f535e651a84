import type { Command } from 'commander';
import { historyList, historyUndo } from '../../services/history.service.ts';
import { dim, printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

export function registerHistoryCommands(program: Command, rt: CliRuntime): void {
  program.command('history').description('the latest writes, newest first; `rapport undo [id]` takes one back')
    .option('--limit <n>', 'how many to show (at most 50)', integer, 20)
    .option('--json', 'print as JSON')
    .action(async (o: { limit: number; json?: boolean }) => {
      const { items } = await rt.run(historyList, { limit: o.limit });
      if (o.json) return printJson(items);
      if (items.length === 0) return console.log(dim('nothing yet: every write you make is listed here and can be undone'));
      console.log(table(items.map((e) => [`#${e.id}`, e.createdAt.slice(0, 16).replace('T', ' '), e.summary, e.undoneAt ? 'undone' : '']), ['id', 'when (UTC)', 'what', '']));
    });

  program.command('undo').description('undo the latest write, or the one with this id from `rapport history` (refuses, changing nothing, if its rows changed since)')
    .argument('[id]', 'a history id (#12 or 12)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string | undefined, o: { json?: boolean }) => {
      const r = await rt.run(historyUndo, id === undefined ? {} : { id: id.replace(/^#/, '') });
      if (o.json) return printJson(r);
      console.log(`undid #${r.undone.id}: ${r.undone.summary}`);
      console.log(dim(`  ${r.removed} rows removed, ${r.restored} put back, ${r.reverted} changed back · \`rapport undo\` again to redo it`));
    });
}
