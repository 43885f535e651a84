// `npm start`: `rapport serve` on the default database (RAPPORT_DB or the XDG data directory), building the web
// app first if it is missing or older than its sources. Extra arguments pass through: `npm start -- --port 8080`.
import { CommanderError } from 'commander';
import { EXIT } from './exit-codes.ts';
import { buildProgram } from './program.ts';
import { reportError } from './runtime.ts';

const { program, runtime } = buildProgram();
program.exitOverride();
try {
  await program.parseAsync(['serve', ...process.argv.slice(2)], { from: 'user' });
} catch (error) {
  process.exitCode = error instanceof CommanderError ? (error.exitCode === 0 ? EXIT.ok : EXIT.usage) : reportError(error);
} finally {
  await runtime.close();
}
