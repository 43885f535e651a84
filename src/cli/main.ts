import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';
import { buildProgram } from './program.ts';
import { reportError } from './runtime.ts';

// `rapport contact list | head`: the reader has gone, which is not a failure of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
}

const { program, runtime } = buildProgram();
program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.exitCode = reportError(error);
  }
} finally {
  await runtime.close();
}
