// `npm start`: `rapport serve` on the default database (RAPPORT_DB or the XDG data directory), building the web
// app first if it is missing or older than its sources. Extra arguments pass through: `npm start -- --port 8080`.
import { runCli } from './run-cli.ts';

await runCli(['serve', ...process.argv.slice(2)]);
