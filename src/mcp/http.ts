import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { loadSettings } from '../store/repositories/settings.repository.ts';
import type { ServiceContext } from '../services/operation.ts';
import { policyOf } from './policy.ts';
import { createMcpServer } from './server.ts';

export interface McpHttpOptions {
  context: ServiceContext;
  version: string;
  // After a write tool ran: the server's read cache must forget what it changed.
  onWrite: () => void;
}

// One request, one stateless server: nothing is kept between calls, so a restart or a second client costs nothing,
// and the settings (writes on or off, blocked tools) are read afresh each time. Answers are plain JSON, not SSE.
export async function handleMcpRequest(request: Request, o: McpHttpOptions): Promise<Response> {
  const policy = policyOf(await loadSettings(o.context.store));
  const server = createMcpServer({ context: o.context, policy, version: o.version, onWrite: o.onWrite });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
