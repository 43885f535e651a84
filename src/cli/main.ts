import { runCli } from './run-cli.ts';
import { reportError } from './runtime.ts';

// No top-level await: the CLI is bundled as CommonJS so that V8 can cache its compiled code (scripts/build.mjs).
runCli(process.argv.slice(2)).catch((error: unknown) => {
  process.exitCode = reportError(error);
});
