import type { Command } from 'commander';
import { tagAdd, tagList, tagRemove } from '../../services/tags.service.ts';
import { dim, printJson, table } from '../output.ts';
import type { CliRuntime } from '../runtime.ts';

export function registerTagCommands(program: Command, rt: CliRuntime): void {
  const tag = program.command('tag').description('tag or untag several contacts at once');
  for (const [verb, op, done] of [['add', tagAdd, 'tagged'], ['remove', tagRemove, 'untagged']] as const) {
    tag.command(verb).description(`${verb === 'add' ? 'add a tag to' : 'remove a tag from'} contacts`)
      .argument('<tag>', 'the tag (lowercase; no commas)').argument('<contacts...>', 'ids or parts of names')
      .option('--json', 'print the result as JSON')
      .action(async (name: string, refs: string[], o: { json?: boolean }) => {
        const ids = await Promise.all(refs.map((r) => rt.contactId(r)));
        const input = { ids, tags: [name] };
        const result = op === tagAdd ? await rt.run(tagAdd, input) : await rt.run(tagRemove, input);
        if (o.json) return printJson(result);
        const n = 'added' in result ? result.added : result.removed;
        console.log(`${done} ${n} contact${n === 1 ? '' : 's'} ${verb === 'add' ? 'with' : 'of'} ${name.trim()}`);
      });
  }

  program.command('tags').description('every tag in use, with how many contacts carry it').option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const tags = await rt.run(tagList, {});
      if (o.json) return printJson(tags);
      console.log(tags.length ? table(tags.map((t) => [t.tag, String(t.count)]), ['tag', 'contacts']) : dim('no tags yet: `rapport tag add <tag> <contacts...>`'));
    });
}
