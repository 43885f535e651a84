import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ServiceContext } from '../services/operation.ts';
import type { McpPolicy } from './policy.ts';
import { createMcpServer } from './server.ts';

// Serves one assistant over stdin/stdout until it closes the pipe. stdout carries the protocol alone, so nothing
// here may print to it; notes go to stderr.
export async function serveStdio(context: ServiceContext, policy: McpPolicy, version: string): Promise<void> {
  const server = createMcpServer({ context, policy, version });
  const closed = new Promise<void>((resolve) => { server.onclose = resolve; });
  await server.connect(new StdioServerTransport());
  process.stdin.once('end', () => void server.close());
  await closed;
}
