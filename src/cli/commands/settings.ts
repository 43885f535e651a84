import { Option, type Command } from 'commander';
import { SITUATIONS } from '../../domain/situations.ts';
import { authFailures, type LoginFailures } from '../../services/login-failures.service.ts';
import { settingsGet, settingsUpdate } from '../../services/settings.service.ts';
import { printJson, table } from '../output.ts';
import { integer } from '../parse.ts';
import type { CliRuntime } from '../runtime.ts';

export function registerSettingsCommands(program: Command, rt: CliRuntime): void {
  const settings = program.command('settings').description('your situation, cadence defaults and follow-up timing');
  settings.command('show').description('show settings').option('--json', 'print as JSON').action(async (o: { json?: boolean }) => {
    const s = await rt.run(settingsGet, {});
    if (o.json) return printJson(s);
    const failures = await rt.run(authFailures, {});
    console.log(table([
      ['situation', String(s.situation)], ['my name', String(s.myName ?? '—')],
      ...Object.entries(s.cadenceDefaults).map(([n, d]) => [`cadence ${n}`, `every ${d} days`]),
      ['follow up after events', `${String(s.eventFollowUpDays)} days`], ['first follow-up of a new contact', `${String(s.newContactFollowUpDays)} days`],
      ['failed sign-ins', failedSummary(failures)],
    ]));
  });
  settings.command('failed-sign-ins').description('wrong passwords and tokens the server refused: totals and the latest 100')
    .option('--json', 'print as JSON').action(async (o: { json?: boolean }) => {
      const f = await rt.run(authFailures, {});
      if (o.json) return printJson(f);
      console.log(failedSummary(f));
      if (f.latest.length) console.log(table(f.latest.map((r) => [r.at, r.client, r.kind])));
    });
  settings.command('set').description('change settings (a new situation or cadence re-plans every next due date)')
    .addOption(new Option('--situation <situation>', 'what you are doing now').choices([...SITUATIONS]))
    .option('--my-name <name>', 'your name, used to sign drafts')
    .option('--operational <days>', 'cadence for the operational network', integer)
    .option('--personal <days>', 'cadence for the personal network', integer)
    .option('--strategic <days>', 'cadence for the strategic network', integer)
    .option('--event-follow-up <days>', 'days after an event to follow up', integer)
    .option('--new-contact-follow-up <days>', 'days after adding a contact to follow up', integer)
    .addOption(new Option('--mcp-writes <on-or-off>', 'let an assistant connected by `rapport mcp` change data').choices(['on', 'off']))
    .option('--mcp-block <tools>', 'MCP tools an assistant may not use, comma-separated ("" for none)')
    .action(async (o: { situation?: string; myName?: string; operational?: number; personal?: number; strategic?: number; eventFollowUp?: number; newContactFollowUp?: number; mcpWrites?: string; mcpBlock?: string }) => {
      const current = await rt.run(settingsGet, {});
      const overrides = { ...current.cadenceOverrides };
      for (const n of ['operational', 'personal', 'strategic'] as const) if (o[n] !== undefined) overrides[n] = o[n];
      await rt.run(settingsUpdate, {
        ...(o.situation ? { situation: o.situation } : {}), ...(o.myName ? { myName: o.myName } : {}), cadenceOverrides: overrides,
        ...(o.eventFollowUp !== undefined ? { eventFollowUpDays: o.eventFollowUp } : {}),
        ...(o.newContactFollowUp !== undefined ? { newContactFollowUpDays: o.newContactFollowUp } : {}),
        ...(o.mcpWrites !== undefined ? { mcpAllowWrites: o.mcpWrites === 'on' } : {}),
        ...(o.mcpBlock !== undefined ? { mcpBlockedTools: o.mcpBlock.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
      });
      console.log('settings saved');
    });
}

function failedSummary(f: LoginFailures): string {
  const total = f.totals.password + f.totals.token;
  if (total === 0) return 'none';
  const last = f.latest[0];
  return `${total} (${f.totals.password} password, ${f.totals.token} token) since ${f.since ?? '?'}${last ? `; last ${last.at} from ${last.client}` : ''}`;
}
