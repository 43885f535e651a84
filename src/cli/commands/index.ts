import type { Command } from 'commander';
import type { CliRuntime } from '../runtime.ts';
import { registerContactCommands } from './contacts.ts';
import { registerKeepInTouchCommands } from './keep-in-touch.ts';
import { registerSettingsCommands } from './settings.ts';

// Each area registers its commands here: one line per area, in the order `rapport --help` lists them.
export const COMMAND_AREAS: ((program: Command, rt: CliRuntime) => void)[] = [
  registerKeepInTouchCommands,
  registerContactCommands,
  registerSettingsCommands,
];
