import type { Command } from 'commander';
import { linkAdd, linkList, linkRemove } from '../../services/links.service.ts';
import { dim, printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

const strengthWord = (s: number | null): string => (s === null ? '' : `${'●'.repeat(s)}${'○'.repeat(5 - s)}`);

// Who knows whom: the raw material of warm introductions (seed 003: reach people through people you know).
export function registerLinkCommands(program: Command, rt: CliRuntime): void {
  program.command('link').description('record that two contacts know each other (again: updates strength and note)')
    .argument('<a>', 'id or part of a name').argument('<b>', 'id or part of a name')
    .option('--strength <1-5>', 'how well they know each other: 1 acquainted … 5 close', integer)
    .option('--note <text>', 'how they know each other').option('--json', 'print the result as JSON')
    .action(async (a: string, b: string, o: { strength?: number; note?: string; json?: boolean }) => {
      const aId = await rt.contactId(a, 'a');
      const bId = await rt.contactId(b, 'b');
      const link = await rt.run(linkAdd, { aId, bId, ...(o.strength !== undefined ? { strength: o.strength } : {}), ...(o.note ? { note: o.note } : {}) });
      if (o.json) return printJson(link);
      console.log(`linked ${link.aName} and ${link.bName}${link.strength ? ` (strength ${link.strength})` : ''}`);
    });

  program.command('unlink').description('forget that two contacts know each other')
    .argument('<a>', 'id or part of a name').argument('<b>', 'id or part of a name')
    .action(async (a: string, b: string) => {
      await rt.run(linkRemove, { aId: await rt.contactId(a, 'a'), bId: await rt.contactId(b, 'b') });
      console.log('unlinked');
    });

  program.command('links').description("who knows whom: a contact's links (strongest first), or every link")
    .argument('[contact]', 'id or part of a name')
    .option('--limit <n>', 'page size', integer, 50).option('--offset <n>', 'skip this many', integer, 0).option('--json', 'print as JSON')
    .action(async (ref: string | undefined, o: { limit: number; offset: number; json?: boolean }) => {
      const contactId = ref === undefined ? undefined : await rt.contactId(ref);
      const page = await rt.run(linkList, { ...(contactId ? { contactId } : {}), limit: o.limit, offset: o.offset });
      if (o.json) return printJson(page);
      const rows = page.items.map((l) => (contactId ? [`#${l.bId}`, l.bName, strengthWord(l.strength), dim(l.note ?? '')] : [`#${l.aId}`, l.aName, `#${l.bId}`, l.bName, strengthWord(l.strength), dim(l.note ?? '')]));
      console.log(rows.length ? table(rows, contactId ? ['id', 'knows', 'strength', 'note'] : ['id', 'name', 'id', 'knows', 'strength', 'note']) : dim('no links'));
      if (page.total > page.items.length) console.log(dim(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`));
    });
}
