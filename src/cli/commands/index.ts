import type { Command } from 'commander';
import type { CliRuntime } from '../runtime.ts';

export type RegisterArea = (program: Command, rt: CliRuntime) => void;

// One command area: the top-level commands it registers (names and aliases) and how to load it. Each loads with
// `await import()`, so `rapport today` evaluates the keep-in-touch area and the services it imports, not the
// other twenty areas with their services and zod schemas (most of a cold start). tests/cli-startup.test.ts holds
// `commands` to what the area really registers.
export interface CommandArea {
  commands: readonly string[];
  load: () => Promise<RegisterArea>;
}

// Each area registers its commands here: one entry per area, in the order `rapport --help` lists them.
export const COMMAND_AREAS: readonly CommandArea[] = [
  { commands: ['today', 'due', 'log', 'followup', 'follow-up', 'snooze'], load: async () => (await import('./keep-in-touch.ts')).registerKeepInTouchCommands },
  { commands: ['draft', 'outreach', 'lint', 'send', 'templates'], load: async () => (await import('./outreach.ts')).registerOutreachCommands },
  { commands: ['contact', 'search'], load: async () => (await import('./contacts.ts')).registerContactCommands },
  { commands: ['dates'], load: async () => (await import('./dates.ts')).registerDateCommands },
  { commands: ['digest'], load: async () => (await import('./digest.ts')).registerDigestCommand },
  { commands: ['org', 'organisation'], load: async () => (await import('./organisations.ts')).registerOrganisationCommands },
  { commands: ['link', 'unlink', 'links'], load: async () => (await import('./links.ts')).registerLinkCommands },
  { commands: ['tag', 'tags'], load: async () => (await import('./tags.ts')).registerTagCommands },
  { commands: ['goal', 'action'], load: async () => (await import('./goals.ts')).registerGoalCommands },
  { commands: ['event'], load: async () => (await import('./events.ts')).registerEventCommands },
  { commands: ['community'], load: async () => (await import('./communities.ts')).registerCommunityCommands },
  { commands: ['report', 'bridges', 'intro'], load: async () => (await import('./network.ts')).registerNetworkCommands },
  { commands: ['types'], load: async () => (await import('./types.ts')).registerTypeCommands },
  { commands: ['settings'], load: async () => (await import('./settings.ts')).registerSettingsCommands },
  { commands: ['import', 'export', 'calendar', 'duplicates', 'merge'], load: async () => (await import('./import-export.ts')).registerImportExportCommands },
  { commands: ['triage'], load: async () => (await import('./triage.ts')).registerTriageCommands },
  { commands: ['sync'], load: async () => (await import('./sync.ts')).registerSyncCommands },
  { commands: ['capture'], load: async () => (await import('./capture.ts')).registerCaptureCommand },
  { commands: ['history', 'undo'], load: async () => (await import('./history.ts')).registerHistoryCommands },
  { commands: ['demo'], load: async () => (await import('./demo.ts')).registerDemoCommand },
  { commands: ['serve'], load: async () => (await import('./serve.ts')).registerServeCommand },
  { commands: ['mcp'], load: async () => (await import('./mcp.ts')).registerMcpCommand },
];

// The area that registers the command these arguments name, skipping the program's own options before it
// (`rapport --db x today`); none for no command, an unknown one, `help` or --version: those get every area.
export function areaFor(args: readonly string[]): CommandArea | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--db') { i++; continue; }
    if (arg.startsWith('-')) continue;
    return COMMAND_AREAS.find((a) => a.commands.includes(arg));
  }
  return undefined;
}
