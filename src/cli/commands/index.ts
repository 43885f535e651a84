import type { Command } from 'commander';
import type { CliRuntime } from '../runtime.ts';
import { registerContactCommands } from './contacts.ts';
import { registerKeepInTouchCommands } from './keep-in-touch.ts';
import { registerOutreachCommands } from './outreach.ts';
import { registerServeCommand } from './serve.ts';
import { registerMcpCommand } from './mcp.ts';
import { registerSettingsCommands } from './settings.ts';
import { registerOrganisationCommands } from './organisations.ts';
import { registerLinkCommands } from './links.ts';
import { registerTagCommands } from './tags.ts';
import { registerGoalCommands } from './goals.ts';
import { registerEventCommands } from './events.ts';
import { registerCommunityCommands } from './communities.ts';
import { registerTypeCommands } from './types.ts';
import { registerDemoCommand } from './demo.ts';
import { registerHistoryCommands } from './history.ts';
import { registerNetworkCommands } from './network.ts';
import { registerImportExportCommands } from './import-export.ts';
import { registerTriageCommands } from './triage.ts';
import { registerSyncCommands } from './sync.ts';
import { registerCaptureCommand } from './capture.ts';
import { registerDateCommands } from './dates.ts';
import { registerDigestCommand } from './digest.ts';

// Each area registers its commands here: one line per area, in the order `rapport --help` lists them.
export const COMMAND_AREAS: ((program: Command, rt: CliRuntime) => void)[] = [
  registerKeepInTouchCommands,
  registerOutreachCommands,
  registerContactCommands,
  registerDateCommands,
  registerDigestCommand,
  registerOrganisationCommands,
  registerLinkCommands,
  registerTagCommands,
  registerGoalCommands,
  registerEventCommands,
  registerCommunityCommands,
  registerNetworkCommands,
  registerTypeCommands,
  registerSettingsCommands,
  registerImportExportCommands,
  registerTriageCommands,
  registerSyncCommands,
  registerCaptureCommand,
  registerHistoryCommands,
  registerDemoCommand,
  registerServeCommand,
  registerMcpCommand,
];
