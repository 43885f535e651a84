import { RapportError } from '../domain/errors.ts';
import type { Settings } from '../domain/settings.ts';
import { isWrite, MCP_TOOLS, type McpTool } from './tools.ts';

// Which tools an assistant sees: reads always, writes only when the user turned them on (the setting or
// `rapport mcp --allow-writes`), minus any the user blocked by name.
export interface McpPolicy {
  allowWrites: boolean;
  blocked: ReadonlySet<string>;
}

export function policyOf(settings: Pick<Settings, 'mcpAllowWrites' | 'mcpBlockedTools'>, flags: { allowWrites?: boolean } = {}): McpPolicy {
  const known = new Set(MCP_TOOLS.map((t) => t.name));
  const unknown = settings.mcpBlockedTools.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new RapportError('invalid', `settings mcpBlockedTools: no MCP tool named ${unknown.map((n) => JSON.stringify(n)).join(', ')}; the tools are ${[...known].join(', ')}`, {
      problems: unknown.map((value) => ({ path: 'mcpBlockedTools', message: 'not an MCP tool', value })),
    });
  }
  return { allowWrites: flags.allowWrites === true || settings.mcpAllowWrites, blocked: new Set(settings.mcpBlockedTools) };
}

// Why a tool may not run under this policy, or null when it may.
export function refusal(tool: McpTool, policy: McpPolicy): string | null {
  if (policy.blocked.has(tool.name)) return `${tool.name} is blocked in your settings (mcpBlockedTools); remove it there to use it`;
  if (isWrite(tool) && !policy.allowWrites) {
    return `${tool.name} writes to your Rapport database, and writes are off for assistants (read-only by default). Turn them on with \`rapport settings set --mcp-writes on\` or start \`rapport mcp --allow-writes\``;
  }
  return null;
}

export const offeredTools = (policy: McpPolicy): McpTool[] => MCP_TOOLS.filter((t) => refusal(t, policy) === null);
