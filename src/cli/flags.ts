import type { Command } from 'commander';
import { RapportError } from '../domain/errors.ts';

// Operation input fields whose CLI flag has another name. A field not listed is the flag of its kebab-case name
// (givenName → --given-name) when the command has one; a field with no flag (a positional argument) keeps its name.
const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  occurredAt: '--when', summary: '--note', notes: '--note', organisation: '--org', connectionType: '--type',
  cadenceDays: '--cadence', metHow: '--met', metWhere: '--met-at', givenName: '--given', familyName: '--family',
  webLinks: '--url', emails: '--email', phones: '--phone', tags: '--tag', networks: '--network', dueOn: '--due',
  targetDate: '--target', date: '--date', until: '--until', days: '--days', mcpBlockedTools: '--mcp-block',
};

const kebab = (field: string): string => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

// The one place an operation's complaint about a field ("interaction.log: occurredAt: …") becomes one about the
// flag the user typed ("--when: …"), for the command that ran it.
export function withFlagNames(error: unknown, command: Command | null): unknown {
  if (!(error instanceof RapportError) || error.code !== 'invalid' || !command || error.problems.length === 0) return error;
  const flags = new Set(command.options.map((o) => o.long));
  const flagOf = (path: string): string | null => {
    const field = path.split('.')[0]!;
    const flag = FLAG_OF_FIELD[field] ?? kebab(field);
    return flags.has(flag) ? flag : null;
  };
  let message = error.message;
  for (const p of error.problems) {
    const flag = flagOf(p.path);
    if (flag) message = message.split(`${p.path}: `).join(`${flag}: `);
  }
  if (message === error.message) return error;
  // "contact.create: --email: …": the operation's name means nothing next to the flag the user typed.
  message = message.replace(/^[a-z]+(?:[.-][a-z]+)*: (?=--)/, '');
  return new RapportError('invalid', message, { problems: error.problems, candidates: error.candidates, cause: error });
}
