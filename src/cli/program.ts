import { Command } from 'commander';
import type { Clock } from '../domain/clock.ts';
import { packageVersion } from '../server/package-info.ts';
import { areaFor, COMMAND_AREAS, type CommandArea } from './commands/index.ts';
import { CliRuntime } from './runtime.ts';

export const EXIT_CODES_HELP = `
Exit codes: 0 ok, 1 failure (not found, conflict, database error), 2 usage error or ambiguous contact name.
Contacts are named by id (42) or by an unambiguous part of the name ("ada", "lovelace").
The database is $RAPPORT_DB, or --db PATH (a file, or a postgres:// URL), else ~/.local/share/rapport/rapport.db.`;

// The whole program, every command of every area (help pages, tests). `args`, when given, are the arguments it
// is about to parse: if they name a command, only that command's area is loaded and registered (a cold
// `rapport today` then evaluates a fraction of the CLI); any other arguments get every area, as without them.
export async function buildProgram(clock?: Clock, args?: readonly string[]): Promise<{ program: Command; runtime: CliRuntime }> {
  const program = new Command('rapport')
    .description('Rapport: keep your operational, personal and strategic networks on purpose')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--db <path-or-url>', 'database file or postgres:// URL (default: $RAPPORT_DB or the XDG data directory)')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    // Set before the commands are added so each inherits it: a usage error then exits 2, as documented, not commander's 1.
    .exitOverride();
  const runtime = new CliRuntime(program, clock);
  program.hook('preAction', (_program, command) => { runtime.command = command; });
  const one = args === undefined ? undefined : areaFor(args);
  const areas: readonly CommandArea[] = one ? [one] : COMMAND_AREAS;
  const registers = await Promise.all(areas.map((a) => a.load()));
  for (const register of registers) register(program, runtime);
  return { program, runtime };
}
