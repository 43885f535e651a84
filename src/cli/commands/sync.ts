import { Argument, Option, type Command } from 'commander';
import { createInterface } from 'node:readline';
import { NETWORKS } from '../../domain/networks.ts';
import { RapportError } from '../../domain/errors.ts';
import { dim, paint, printJson, table } from '../output.ts';
import type { CliRuntime } from '../runtime.ts';

// The operations (and tsdav) load only when a sync command runs: `rapport --help` and `rapport today` stay fast.
const service = () => import('../../services/sync/accounts.service.ts');
const issues = () => import('../../services/sync/sync-issues.service.ts');

type View = Awaited<ReturnType<Awaited<ReturnType<typeof service>>['syncList']['run']>>[number];
type RunOut = Awaited<ReturnType<Awaited<ReturnType<typeof service>>['syncRun']['run']>>;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

// The password to store: piped on standard input, or typed at a prompt that does not echo it.
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    const password = text.replace(/\r?\n$/, '');
    if (!password) throw new RapportError('invalid', '--store-password: no password on standard input (pipe it in, or run in a terminal to type it)');
    return password;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write('Password (stored in the Rapport database): ');
  out._writeToOutput = () => undefined;
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return password;
}

function summary(r: NonNullable<RunOut[number]['result']>): string {
  const parts = [`${r.created} created`, `${r.updated} updated`, `${r.deleted} deleted`, `${r.archived} archived`, `${r.conflicts} conflicts`, `${r.skipped} skipped`];
  return parts.join(', ');
}

function renderAccounts(list: View[]): string {
  if (list.length === 0) return dim('no connected accounts; add one with `rapport sync add carddav NAME --url URL --user USER --password-env VAR`');
  return table(list.map((a) => [
    a.name, a.kind, a.url, a.username ?? '', a.password === 'environment' ? `$${a.passwordEnv}` : a.password,
    a.paused ? paint('yellow', 'paused') : 'active', a.lastSyncAt ?? dim('never'), a.lastError ? paint('red', a.lastError) : a.lastResult ? summary(a.lastResult as never) : '',
  ]), ['name', 'kind', 'url', 'user', 'password', 'state', 'last sync', 'last result']);
}

export function registerSyncCommands(program: Command, rt: CliRuntime): void {
  const sync = program.command('sync').description('connected accounts: two-way address book sync over CardDAV, meetings captured from CalDAV or an .ics feed (add, test, run, pause, resume, remove)');

  sync.command('add').description('connect an account; its password comes from an environment variable, or is stored with --store-password')
    .addArgument(new Argument('<kind>', 'carddav (address book), caldav (calendar) or ics (a calendar feed URL)').choices(['carddav', 'caldav', 'ics']))
    .argument('<name>', 'a short name for it, e.g. phone')
    .requiredOption('--url <url>', 'the server (its /.well-known/carddav is followed) or the address book itself')
    .option('--user <user>', 'user name on the server')
    .option('--password-env <VAR>', 'read the password from this environment variable at each sync (never stored)')
    .option('--store-password', 'store the password in the Rapport database (read from standard input); never exported in backups')
    .option('--address-book <name>', 'which address book, when the server has several (name or URL)')
    .addOption(new Option('--network <network>', 'sync only contacts in this network (repeatable; default: everyone)').choices([...NETWORKS]).argParser((v: string, prev: string[] = []) => [...prev, v]))
    .option('--tag <tag>', 'sync only contacts with this tag (repeatable)', collect, [])
    .option('--json', 'print as JSON')
    .action(async (kind: string, name: string, o: { url: string; user?: string; passwordEnv?: string; storePassword?: boolean; addressBook?: string; network?: string[]; tag: string[]; json?: boolean }) => {
      if (o.passwordEnv && o.storePassword) throw new RapportError('invalid', 'give --password-env or --store-password, not both');
      const { syncAdd } = await service();
      const password = o.storePassword ? await readPassword() : undefined;
      const options = { ...(o.network?.length ? { networks: o.network } : {}), ...(o.tag.length ? { tags: o.tag } : {}), ...(o.addressBook ? { addressBook: o.addressBook } : {}) };
      const a = await rt.run(syncAdd, { kind, name, url: o.url, ...(o.user ? { username: o.user } : {}), ...(o.passwordEnv ? { passwordEnv: o.passwordEnv } : {}), ...(password !== undefined ? { password } : {}), options });
      if (o.json) return printJson(a);
      console.log(`connected ${a.kind} account ${a.name} (${a.url}); check it with \`rapport sync test ${a.name}\`, sync with \`rapport sync run ${a.name}\``);
    });

  sync.command('list', { isDefault: true }).description('connected accounts with their last sync and result').option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      const { syncList } = await service();
      const list = await rt.run(syncList, {});
      if (o.json) return printJson(list);
      console.log(renderAccounts(list));
    });

  sync.command('test').description('sign in and find the address book, changing nothing').argument('<name>').option('--json', 'print as JSON')
    .action(async (name: string, o: { json?: boolean }) => {
      const { syncTest } = await service();
      const r = await rt.run(syncTest, { name });
      if (o.json) return printJson(r);
      console.log(`${name}: ${r.detail}`);
    });

  sync.command('run').description('sync now: the named account, or every account not paused').argument('[name]').option('--json', 'print as JSON')
    .action(async (name: string | undefined, o: { json?: boolean }) => {
      const { syncRun } = await service();
      const out = await rt.run(syncRun, name ? { name } : {});
      if (out.some((a) => a.error || a.result?.errors.length)) process.exitCode = 1;
      if (o.json) return printJson(out);
      if (out.length === 0) console.log(dim('no account to sync'));
      for (const a of out) {
        if (a.error) { console.error(paint('red', a.error)); continue; }
        const r = a.result!;
        console.log(`${a.name}: ${summary(r)}`);
        for (const e of r.errors) console.error(`  ${paint('red', e.message)}`);
        for (const line of r.review ?? []) console.log(`  ${dim(line)}`);
        if (r.conflicts || r.archived) console.log(dim('  see `rapport sync conflicts`'));
      }
    });

  for (const [verb, desc] of [['pause', 'stop syncing an account until resumed'], ['resume', 'sync a paused account again'], ['remove', 'disconnect an account (contacts stay; nothing is deleted on the server)']] as const) {
    sync.command(verb).description(desc).argument('<name>').option('--json', 'print as JSON')
      .action(async (name: string, o: { json?: boolean }) => {
        const s = await service();
        const r = verb === 'pause' ? await rt.run(s.syncPause, { name }) : verb === 'resume' ? await rt.run(s.syncResume, { name }) : await rt.run(s.syncRemove, { name });
        if (o.json) return printJson(r);
        console.log(verb === 'remove' ? `removed account ${name}` : `${name}: ${verb === 'pause' ? 'paused' : 'syncing again'}`);
      });
  }

  sync.command('conflicts').description('fields both sides changed, and contacts archived because their card was deleted on the server')
    .option('--account <name>', 'only this account').option('--json', 'print as JSON')
    .action(async (o: { account?: string; json?: boolean }) => {
      const { syncConflicts } = await issues();
      const list = await rt.run(syncConflicts, o.account ? { account: o.account } : {});
      if (o.json) return printJson(list);
      if (list.length === 0) return console.log(dim('nothing to decide'));
      const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
      for (const i of list) {
        console.log(`#${i.id} ${i.account}: ${i.contact ?? '(erased)'} — ${i.kind === 'conflict' ? 'changed on both sides' : i.reason} ${dim(i.item)}`);
        for (const f of i.fields) console.log(`    ${f.field}: Rapport ${show(f.rapport)} | server ${show(f.server)}`);
      }
      console.log(dim('settle one: `rapport sync resolve ID --keep rapport|server`'));
    });

  sync.command('resolve').description('settle a conflict by keeping one side (applied at the next sync), or dismiss a notice').argument('<id>')
    .addOption(new Option('--keep <side>', 'which version wins').choices(['rapport', 'server']).default('rapport')).option('--json', 'print as JSON')
    .action(async (id: string, o: { keep: string; json?: boolean }) => {
      const { syncResolve } = await issues();
      const r = await rt.run(syncResolve, { id, keep: o.keep });
      if (o.json) return printJson(r);
      console.log(`conflict #${r.id}: keeping ${r.kept === 'rapport' ? "Rapport's" : "the server's"} version at the next sync`);
    });
}
