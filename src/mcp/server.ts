import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { RapportError } from '../domain/errors.ts';
import { runOperation, type ServiceContext } from '../services/operation.ts';
import { refusal, offeredTools, type McpPolicy } from './policy.ts';
import { describeTool, isWrite, MCP_TOOLS, type McpTool } from './tools.ts';

type JsonSchemaObject = Tool['inputSchema'];

// MCP wants a plain JSON Schema object; zod writes the $schema line, which some clients reject.
// A named schema (a Contact) comes as a bare $ref at the root; MCP reads the root's type, so it is inlined there.
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  const ref = typeof rest.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(rest.$ref)?.[1] : undefined;
  const defs = rest.$defs as Record<string, Record<string, unknown>> | undefined;
  if (ref === undefined || !defs?.[ref]) return rest;
  return { ...defs[ref], $defs: defs };
}

// MCP's structured output must be an object: a list (search) or any other answer is given as { result: … }.
// With an output schema its root type decides (so the answer always matches the schema announced), else the value.
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function wrapsResult(tool: McpTool, json: unknown): boolean {
  return tool.op.output ? jsonSchemaOf(tool.op.output, 'output').type !== 'object' : !isRecord(json);
}

export function outputSchemaOf(tool: McpTool): JsonSchemaObject | null {
  if (!tool.op.output) return null;
  const schema = jsonSchemaOf(tool.op.output, 'output');
  if (schema.type === 'object') return schema as JsonSchemaObject;
  const { $defs, ...result } = schema;
  return { type: 'object', properties: { result }, required: ['result'], ...($defs ? { $defs } : {}) } as JsonSchemaObject;
}

export function toolDefinition(tool: McpTool): Tool {
  const output = outputSchemaOf(tool);
  return {
    name: tool.name,
    title: tool.op.name,
    description: describeTool(tool),
    inputSchema: jsonSchemaOf(tool.op.input, 'input') as JsonSchemaObject,
    ...(output ? { outputSchema: output } : {}),
    annotations: { readOnlyHint: !isWrite(tool), destructiveHint: false, openWorldHint: false },
  };
}

const failure = (message: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text: message }] });

// A RapportError is the user's (or the assistant's) mistake: its message goes back as a tool error the assistant
// can read and correct. Anything else is a bug or a broken database and propagates as a JSON-RPC error.
export async function callTool(ctx: ServiceContext, policy: McpPolicy, name: string, args: unknown, onWrite?: () => void): Promise<CallToolResult> {
  const tool = MCP_TOOLS.find((t) => t.name === name);
  if (!tool) return failure(`no tool named ${JSON.stringify(name)}; list the tools to see what Rapport offers`);
  const refused = refusal(tool, policy);
  if (refused) return failure(refused);
  try {
    const output = await runOperation(ctx, tool.op, args ?? {});
    if (isWrite(tool)) onWrite?.();
    // Through JSON so dates and undefined fields read exactly as the HTTP API gives them.
    const text = JSON.stringify(output ?? null);
    const json = JSON.parse(text) as unknown;
    return { content: [{ type: 'text', text }], structuredContent: wrapsResult(tool, json) ? { result: json } : (json as Record<string, unknown>) };
  } catch (e) {
    if (e instanceof RapportError) return failure(e.message);
    throw e;
  }
}

export interface McpServerOptions {
  context: ServiceContext;
  policy: McpPolicy;
  version: string;
  onWrite?: () => void;
}

// The low-level Server rather than McpServer: McpServer validates arguments with the zod schema itself and answers
// with its own wording, where Rapport's runOperation names the field and the value as the CLI and API do.
export function createMcpServer(o: McpServerOptions): Server {
  const server = new Server(
    { name: 'rapport', title: 'Rapport', version: o.version },
    {
      capabilities: { tools: {} },
      instructions: 'Rapport is the user\'s own professional-networking CRM. Find a contact with search_contacts, then use its id. ' +
        (o.policy.allowWrites ? 'Write tools change the user\'s data; say what you will change before calling one.' : 'This server is read-only: the user has not turned writes on.'),
    },
  );
  const tools = offeredTools(o.policy).map(toolDefinition);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, (request) => callTool(o.context, o.policy, request.params.name, request.params.arguments, o.onWrite));
  return server;
}
