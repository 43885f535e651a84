import type { Command } from 'commander';
import { buildProgram } from './program.ts';

// Every command's help as commander prints it to a pipe (80 columns, no colour), keyed by the command path
// ('' for `rapport --help`, 'contact add' for `rapport contact add --help`). The build writes these to dist/help.json
// so that bin/rapport.js answers `--help` without evaluating the CLI; a terminal of another width gets commander's own.
export const HELP_WIDTH = 80;

export async function helpPages(): Promise<Record<string, string>> {
  const { program } = await buildProgram();
  const pages: Record<string, string> = {};
  const visit = (command: Command, path: string[]): void => {
    let text = '';
    command.configureOutput({ writeOut: (s) => { text += s; }, getOutHelpWidth: () => HELP_WIDTH, getOutHasColors: () => false });
    command.outputHelp();
    pages[path.join(' ')] = text;
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return pages;
}
