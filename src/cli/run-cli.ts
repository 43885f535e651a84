import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';
import { guardTerminalOutput } from './output.ts';
import { buildProgram } from './program.ts';
import { reportError } from './runtime.ts';

// The one way the CLI runs (`rapport …` and `npm start`): usage errors exit 2, failures are reported once.
export async function runCli(args: readonly string[]): Promise<void> {
  // `rapport contact list | head`: the reader has gone, which is not a failure of ours.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? EXIT.ok);
    });
  }
  const unguard = guardTerminalOutput();
  const { program, runtime } = await buildProgram(undefined, args);
  program.exitOverride();
  try {
    await program.parseAsync([...args], { from: 'user' });
    await runtime.afterCommand();
  } catch (error) {
    process.exitCode = error instanceof CommanderError ? (error.exitCode === 0 ? EXIT.ok : EXIT.usage) : reportError(error);
  } finally {
    await runtime.close();
    unguard();
  }
}
