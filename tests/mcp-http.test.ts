import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/domain/clock.ts';
import { startServer, type RunningServer } from '../src/server/serve.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { runOperation } from '../src/services/operation.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';

// The streamable HTTP transport at /mcp of a real `rapport serve` on a loopback port, behind the API's token.
const TOKEN = 'correct-horse-battery-staple';
let store: Store;
let server: RunningServer;
let ada = 0;

beforeAll(async () => {
  store = await openStore({ location: ':memory:' });
  const clock = fixedClock('2026-11-23T12:00:00.000Z');
  ada = (await runOperation({ store, clock }, contactCreate, { name: 'Ada Lovelace', networks: ['operational'] })).contact.id;
  server = await startServer({ store, clock, host: '127.0.0.1', port: 0, token: TOKEN });
});
afterAll(async () => {
  await server.close();
  await store.close();
});

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: 'rapport-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

const api = (method: string, path: string, body?: unknown): Promise<Response> => fetch(`${server.url}${path}`, {
  method, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

describe('MCP over HTTP at /mcp', { timeout: 60_000 }, () => {
  it('answers 401 without the token, and refuses a client with a wrong one', async () => {
    const bare = await fetch(`${server.url}/mcp`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expect(connect('wrong-token')).rejects.toThrow(/401/);
  });

  it('lists and calls tools with the token; a write is refused until writes are turned on in settings, then shows in the API at once', async () => {
    const client = await connect(TOKEN);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['search_contacts', 'show_contact', 'today']));
      expect(names).not.toContain('log_interaction');
      const found = await client.callTool({ name: 'search_contacts', arguments: { query: 'ada' } });
      expect((found.structuredContent as { result: { id: number; name: string }[] }).result.map((c) => c.name)).toEqual(['Ada Lovelace']);

      const refused = await client.callTool({ name: 'log_interaction', arguments: { contactIds: [ada], kind: 'call', occurredAt: '2026-11-23' } });
      expect(refused.isError).toBe(true);
      expect((refused.content as { text: string }[])[0]!.text).toMatch(/writes are off/);
    } finally {
      await client.close();
    }

    expect((await api('PATCH', '/api/settings', { mcpAllowWrites: true })).status).toBe(200);
    const writer = await connect(TOKEN);
    try {
      expect((await writer.listTools()).tools.map((t) => t.name)).toContain('log_interaction');
      // The web app reads the contact first, so a cached answer exists that the write must replace.
      expect(((await (await api('GET', `/api/contacts/${ada}`)).json()) as { lastInteractionAt: string | null }).lastInteractionAt).toBeNull();
      const logged = await writer.callTool({ name: 'log_interaction', arguments: { contactIds: [ada], kind: 'call', occurredAt: '2026-11-23' } });
      expect(logged.isError).toBeFalsy();
    } finally {
      await writer.close();
    }
    const after = (await (await api('GET', `/api/contacts/${ada}`)).json()) as { lastInteractionAt: string | null };
    expect(after.lastInteractionAt).toMatch(/^2026-11-23/);
  });
});
