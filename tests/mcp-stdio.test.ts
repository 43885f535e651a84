import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toIsoDay } from '../src/domain/dates.ts';
import { BIN, runRapport } from './support/cli.ts';

// The SDK's own client drives the real CLI (`node bin/rapport.js mcp`) over stdio, as Claude Desktop does.
const dir = mkdtempSync(join(tmpdir(), 'rapport-mcp-'));
const db = join(dir, 'network.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WRITE_TOOLS = ['log_interaction', 'snooze_contact', 'add_follow_up', 'complete_follow_up', 'snooze_follow_up', 'add_action', 'complete_action'];

async function connect(args: string[] = [], database = db): Promise<Client> {
  const client = new Client({ name: 'rapport-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({
    command: process.execPath, args: [BIN, 'mcp', ...args],
    env: { ...process.env, RAPPORT_DB: database, NO_COLOR: '1' } as Record<string, string>, stderr: 'pipe',
  }));
  return client;
}

const textOf = (r: Awaited<ReturnType<Client['callTool']>>): string => (r.content as { type: string; text: string }[]).map((c) => c.text).join('\n');
interface Summary { id: number; name: string; organisation: string | null }
interface Today { overdue: { id: number; name: string; nextDueOn: string }[]; followUps: { id: number; contactId: number; reason: string }[] }

let ada = 0;
let charles = 0;
const today = toIsoDay(new Date());

beforeAll(async () => {
  const added = await runRapport(db, ['contact', 'add', 'Ada Lovelace', '--network', 'operational', '--org', 'Analytical Engines', '--json']);
  expect(added.code, added.stderr).toBe(0);
  ada = (JSON.parse(added.stdout) as { contact: { id: number } }).contact.id;
  const second = await runRapport(db, ['contact', 'add', 'Charles Babbage', '--network', 'operational', '--json']);
  charles = (JSON.parse(second.stdout) as { contact: { id: number } }).contact.id;
  // Operational contacts are due every 30 days (growing-in-role): a coffee 60 days ago leaves Charles 30 days late.
  expect((await runRapport(db, ['log', 'babbage', '--kind', 'coffee', '--when', '60d ago'])).code).toBe(0);
  // Adding a contact plans a first follow-up; done here, so Today shows only what this test sets up.
  const firsts = JSON.parse((await runRapport(db, ['followup', 'list', '--json'])).stdout) as { id: number }[];
  for (const f of firsts) expect((await runRapport(db, ['followup', 'done', String(f.id)])).code).toBe(0);
  // Ada is listed once, under her follow-up (Today names nobody twice).
  expect((await runRapport(db, ['followup', 'add', 'ada', 'send the Bernoulli notes', '--due', 'today'])).code).toBe(0);
}, 120_000);

describe('rapport mcp over stdio', { timeout: 120_000 }, () => {
  it('lists read tools with JSON Schemas and keeps write tools out in its read-only default', async () => {
    const client = await connect();
    try {
      const { tools } = await client.listTools();
      const names = tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['search_contacts', 'show_contact', 'today', 'people_to_write_to', 'compose_draft', 'lint_message', 'find_intro_paths', 'network_report']));
      for (const w of WRITE_TOOLS) expect(names).not.toContain(w);
      const search = tools.find((t) => t.name === 'search_contacts')!;
      expect(search.inputSchema).toMatchObject({ type: 'object', required: ['query'], properties: { query: { type: 'string' } } });
      expect(search.annotations?.readOnlyHint).toBe(true);
      expect(client.getInstructions()).toMatch(/read-only/);
    } finally {
      await client.close();
    }
  });

  it('answers search, show and today from the database', async () => {
    const client = await connect();
    try {
      const found = await client.callTool({ name: 'search_contacts', arguments: { query: 'lovelace' } });
      expect(found.isError).toBeFalsy();
      const items = (found.structuredContent as { result: Summary[] }).result;
      expect(items.map((c) => [c.id, c.name, c.organisation])).toEqual([[ada, 'Ada Lovelace', 'Analytical Engines']]);
      expect(JSON.parse(textOf(found))).toEqual(items);

      const shown = await client.callTool({ name: 'show_contact', arguments: { id: ada } });
      expect(shown.structuredContent).toMatchObject({ id: ada, name: 'Ada Lovelace', organisation: 'Analytical Engines' });

      const view = (await client.callTool({ name: 'today', arguments: {} })).structuredContent as unknown as Today;
      expect(view.overdue.map((c) => [c.name, c.nextDueOn])).toEqual([['Charles Babbage', addDays(today, -30)]]);
      expect(view.followUps.map((f) => f.reason)).toEqual(['send the Bernoulli notes']);
    } finally {
      await client.close();
    }
  });

  it('returns a mistake as a tool error naming the field, not a crash', async () => {
    const client = await connect();
    try {
      const bad = await client.callTool({ name: 'show_contact', arguments: { id: 'ada' } });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/^contact\.get: id: .*"ada"/);
      const missing = await client.callTool({ name: 'show_contact', arguments: { id: 99_999 } });
      expect(missing.isError).toBe(true);
      expect(textOf(missing)).toMatch(/not found.*99999/);
    } finally {
      await client.close();
    }
  });

  it('refuses a write tool in read-only mode, changing nothing, and runs it once writes are allowed', async () => {
    const readOnly = await connect();
    try {
      const refused = await readOnly.callTool({ name: 'log_interaction', arguments: { contactIds: [ada, charles], kind: 'call' } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/log_interaction writes to your Rapport database, and writes are off.*--allow-writes/);
      const view = (await readOnly.callTool({ name: 'today', arguments: {} })).structuredContent as unknown as Today;
      expect(view.overdue.map((c) => c.id)).toEqual([charles]);
      expect(view.followUps.map((f) => f.contactId)).toEqual([ada]);
    } finally {
      await readOnly.close();
    }

    const writer = await connect(['--allow-writes']);
    try {
      const { tools } = await writer.listTools();
      const log = tools.find((t) => t.name === 'log_interaction');
      expect(log?.description).toMatch(/WRITES to your Rapport database: Adds an interaction .* restarts their keep-in-touch clock/);
      expect(log?.annotations?.readOnlyHint).toBe(false);
      for (const w of WRITE_TOOLS) expect(tools.find((t) => t.name === w)?.description).toMatch(/WRITES to your Rapport database: \S/);

      const logged = await writer.callTool({ name: 'log_interaction', arguments: { contactIds: [ada, charles], kind: 'call', occurredAt: today, summary: 'talked about the engine' } });
      expect(logged.isError, textOf(logged)).toBeFalsy();
      const view = (await writer.callTool({ name: 'today', arguments: {} })).structuredContent as unknown as Today;
      expect(view.overdue).toEqual([]);
      // Logging answered her open follow-up too, as in the app.
      expect(view.followUps).toEqual([]);
    } finally {
      await writer.close();
    }
    const history = await runRapport(db, ['history', '--json']);
    expect(history.stdout).toMatch(/interaction\.log/);
  });

  it('follows the settings: writes on for every session, a blocked tool hidden and refused, an unknown name reported', async () => {
    const own = join(dir, 'settings.db');
    expect((await runRapport(own, ['contact', 'add', 'Grace Hopper', '--network', 'personal'])).code).toBe(0);
    expect((await runRapport(own, ['settings', 'set', '--mcp-writes', 'on', '--mcp-block', 'snooze_contact,list_tags'])).code).toBe(0);
    const client = await connect([], own);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain('log_interaction');
      expect(names).not.toContain('snooze_contact');
      expect(names).not.toContain('list_tags');
      const blocked = await client.callTool({ name: 'list_tags', arguments: {} });
      expect(blocked.isError).toBe(true);
      expect(textOf(blocked)).toMatch(/list_tags is blocked in your settings \(mcpBlockedTools\)/);
    } finally {
      await client.close();
    }
    expect((await runRapport(own, ['settings', 'set', '--mcp-block', 'snooze_contacts'])).code).toBe(0);
    const start = await runRapport(own, ['mcp']);
    expect(start.code).toBe(2);
    expect(start.stderr).toMatch(/settings mcpBlockedTools: no MCP tool named "snooze_contacts"; the tools are .*snooze_contact/);
  });
});
