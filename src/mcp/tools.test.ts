import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATALOGUE } from '../services/catalogue.ts';
import type { Operation } from '../services/operation.ts';
import { policyOf, offeredTools, refusal } from './policy.ts';
import { outputSchemaOf, toolDefinition } from './server.ts';
import { MCP_TOOLS } from './tools.ts';

describe('the MCP tool list', () => {
  it('offers only catalogue operations, under names every assistant accepts, each with an object input schema', () => {
    const catalogue = new Set<Operation>(CATALOGUE as readonly Operation[]);
    for (const tool of MCP_TOOLS) {
      expect(catalogue.has(tool.op), tool.name).toBe(true);
      // Claude's API and others take [a-zA-Z0-9_-]{1,64}: a catalogue name with a dot would be refused.
      expect(tool.name).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
      expect(toolDefinition(tool).inputSchema.type, tool.name).toBe('object');
    }
    expect(new Set(MCP_TOOLS.map((t) => t.name)).size).toBe(MCP_TOOLS.length);
  });

  it('says for every write tool what it changes, and offers none of them by default', () => {
    const writes = MCP_TOOLS.filter((t) => t.op.effect === 'write');
    expect(writes.map((t) => t.name).sort()).toEqual(['add_action', 'add_follow_up', 'complete_action', 'complete_follow_up', 'log_interaction', 'snooze_contact', 'snooze_follow_up']);
    for (const t of writes) expect(t.changes, t.name).toMatch(/\w{3,}.*\./);
    const readOnly = policyOf({ mcpAllowWrites: false, mcpBlockedTools: [] });
    expect(offeredTools(readOnly).filter((t) => t.op.effect === 'write')).toEqual([]);
    expect(offeredTools(policyOf({ mcpAllowWrites: false, mcpBlockedTools: [] }, { allowWrites: true }))).toHaveLength(MCP_TOOLS.length);
  });

  it('never offers settings, imports, restores or erasing, whatever the settings say', () => {
    const names = new Set(MCP_TOOLS.map((t) => t.op.name));
    for (const op of ['settings.update', 'import.run', 'backup.restore', 'contact.erase', 'demo.load', 'demo.remove', 'history.undo']) expect(names.has(op), op).toBe(false);
  });

  it('blocks a named tool even when writes are on', () => {
    const policy = policyOf({ mcpAllowWrites: true, mcpBlockedTools: ['log_interaction'] });
    const log = MCP_TOOLS.find((t) => t.name === 'log_interaction')!;
    expect(refusal(log, policy)).toMatch(/blocked in your settings/);
    expect(offeredTools(policy).map((t) => t.name)).not.toContain('log_interaction');
  });
});

describe('output schemas', () => {
  const base = MCP_TOOLS.find((t) => t.name === 'search_contacts')!;
  it("announces an object operation's output schema as it is, and wraps any other in { result }", () => {
    const object = { ...base, op: { ...base.op, output: z.object({ total: z.number() }) } as Operation };
    expect(outputSchemaOf(object)).toMatchObject({ type: 'object', properties: { total: { type: 'number' } } });
    const list = { ...base, op: { ...base.op, output: z.array(z.object({ id: z.number() })) } as Operation };
    expect(outputSchemaOf(list)).toMatchObject({ type: 'object', required: ['result'], properties: { result: { type: 'array', items: { type: 'object' } } } });
    const { output: _none, ...withoutOutput } = base.op;
    expect(outputSchemaOf({ ...base, op: withoutOutput as Operation })).toBeNull();
  });
});
