import { CommanderError } from 'commander';
import { vi } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { buildProgram } from '../../src/cli/program.ts';
import { reportError } from '../../src/cli/runtime.ts';
import { fixedClock, type Clock } from '../../src/domain/clock.ts';

export interface CliResult { code: number; out: string; err: string }

// The CLI in-process on one database with a frozen clock, capturing what a terminal would see: the same commands
// and exit codes as `bin/rapport.js` (tests/support/cli.ts spawns that) without paying a process start per command.
export async function runCliInProcess(db: string, args: readonly string[], clock: Clock = fixedClock('2026-11-23T12:00:00.000Z')): Promise<CliResult> {
  let out = '';
  let err = '';
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => { out += `${parts.map(String).join(' ')}\n`; }),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err += String(chunk); return true; }),
  ];
  process.exitCode = undefined;
  // As runCli does: the arguments pick the command's area, so a command that only works beside another area fails here.
  const argv = ['--db', db, ...args];
  const { program, runtime } = await buildProgram(clock, argv);
  program.configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { err += s; } });
  let code: number = EXIT.ok;
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    code = error instanceof CommanderError ? (error.exitCode === 0 ? EXIT.ok : EXIT.usage) : reportError(error);
  } finally {
    await runtime.close();
    for (const spy of spies) spy.mockRestore();
    process.exitCode = undefined;
  }
  return { code, out, err };
}
