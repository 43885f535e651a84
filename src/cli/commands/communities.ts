import { Option, type Command } from 'commander';
import { COMMUNITY_KINDS, type Community } from '../../domain/entities.ts';
import { communityAddMember, communityCreate, communityGet, communityList, communityRemoveMember } from '../../services/communities.service.ts';
import { dim, paint, printJson, table } from '../output.ts';
import { pickByName } from '../refs.ts';
import type { CliRuntime } from '../runtime.ts';

export async function communityId(rt: CliRuntime, ref: string): Promise<number> {
  if (/^\d+$/.test(ref.trim())) return Number(ref.trim());
  return pickByName('community', ref, await rt.run(communityList, {}));
}

function renderCommunity(c: Community): string {
  const out = [paint('bold', `${c.name}  #${c.id}`), table([
    [`  ${dim('kind')}`, c.kind], [`  ${dim('I am a member')}`, c.iAmMember ? 'yes' : 'no, I follow it'],
  ])];
  if (c.notes) out.push('', paint('bold', 'Notes'), `  ${c.notes}`);
  out.push('', paint('bold', `Members you know (${c.members.length})`));
  out.push(c.members.length ? table(c.members.map((m) => [`  #${m.id}`, m.name, dim(m.role ?? '')])) : dim('  none recorded: `rapport community join ...`'));
  return out.join('\n');
}

// Seed 003: professional associations, alumni networks, online communities and volunteering are where networks grow.
export function registerCommunityCommands(program: Command, rt: CliRuntime): void {
  const community = program.command('community').description('communities (associations, alumni, online, volunteer) and who you know in them');

  community.command('add').description('add a community').argument('<name>', 'its name')
    .addOption(new Option('--kind <kind>', 'what sort of community').choices([...COMMUNITY_KINDS]).makeOptionMandatory())
    .option('--not-member', 'you follow it but are not a member').option('--note <text>', 'notes').option('--json', 'print the result as JSON')
    .action(async (name: string, o: { kind: string; notMember?: boolean; note?: string; json?: boolean }) => {
      const c = await rt.run(communityCreate, { name, kind: o.kind, iAmMember: !o.notMember, ...(o.note ? { notes: o.note } : {}) });
      if (o.json) return printJson(c);
      console.log(`added ${c.name} #${c.id} (${c.kind})`);
    });

  community.command('join').description('record contacts as members (a role given replaces theirs)')
    .argument('<community>', 'id or part of the name').argument('<contacts...>', 'ids or parts of names')
    .option('--role <role>', 'their role: organiser, board member, ...').option('--json', 'print the result as JSON')
    .action(async (ref: string, refs: string[], o: { role?: string; json?: boolean }) => {
      const id = await communityId(rt, ref);
      const contactIds = await Promise.all(refs.map((r) => rt.contactId(r)));
      const c = await rt.run(communityAddMember, { id, contactIds, ...(o.role ? { role: o.role } : {}) });
      if (o.json) return printJson(c);
      console.log(`${c.name} now has ${c.members.length} member${c.members.length === 1 ? '' : 's'} you know`);
    });

  community.command('leave').description('remove contacts from a community')
    .argument('<community>', 'id or part of the name').argument('<contacts...>', 'ids or parts of names')
    .action(async (ref: string, refs: string[]) => {
      const id = await communityId(rt, ref);
      const c = await rt.run(communityRemoveMember, { id, contactIds: await Promise.all(refs.map((r) => rt.contactId(r))) });
      console.log(`${c.name} now has ${c.members.length} member${c.members.length === 1 ? '' : 's'} you know`);
    });

  community.command('list').description('every community, with how many of your contacts are members').option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await rt.run(communityList, {});
      if (o.json) return printJson(list);
      console.log(list.length ? table(list.map((c) => [`#${c.id}`, c.name, c.kind, String(c.memberCount), dim(c.iAmMember ? '' : 'following')]), ['id', 'name', 'kind', 'members', ''])
        : dim('no communities yet: `rapport community add "..." --kind association`'));
    });

  community.command('show').description('one community with the members you know').argument('<community>', 'id or part of the name')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      const c = await rt.run(communityGet, { id: await communityId(rt, ref) });
      if (o.json) return printJson(c);
      console.log(renderCommunity(c));
    });
}
