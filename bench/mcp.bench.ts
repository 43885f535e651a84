// `npm run bench mcp`: an MCP tool call's round trip over stdio, from the SDK's client to `node bin/rapport.js mcp`
// (the compiled CLI) and back, after start-up, on the 2,000-contact demo. Target: median under 50 ms.
// Baselines measured in the same run, alternating with the calls: the same operation run in this process with
// runOperation on the same file (what the tool does minus the protocol and the pipe), and an MCP ping (the protocol
// and the pipe minus the work). BENCH_MCP_RUNS (default 200) sets the calls per case. Printed, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { buildCli, cliBuildIsStale, ROOT } from '../scripts/build.mjs';
import { systemClock } from '../src/domain/clock.ts';
import { search } from '../src/services/contact-list.service.ts';
import { contactGet } from '../src/services/contacts.service.ts';
import { runOperation, type Operation } from '../src/services/operation.ts';
import { today } from '../src/services/today.service.ts';
import { openStore } from '../src/store/open-store.ts';
import { ms, quantile } from './timing.ts';

const RUNS = Number(process.env.BENCH_MCP_RUNS ?? 200);
const SIZE = 2000;
const BIN = join(ROOT, 'bin', 'rapport.js');

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export default async function mcpBench(): Promise<void> {
  if (cliBuildIsStale()) await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'rapport-mcp-bench-'));
  const db = join(dir, 'demo.db');
  try {
    const made = spawnSync(process.execPath, [BIN, 'demo', '--size', String(SIZE)], { env: { ...process.env, RAPPORT_DB: db }, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`rapport demo failed: ${made.stderr}`);
    const store = await openStore({ location: db });
    const ctx = { store, clock: systemClock };
    const someone = (await runOperation(ctx, contactGet, { id: 1 })).name.split(' ')[0]!;

    const client = new Client({ name: 'rapport-bench', version: '1.0.0' });
    const startedAt = performance.now();
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env: { ...process.env, RAPPORT_DB: db } as Record<string, string>, stderr: 'ignore' }));
    await client.listTools();
    const startUp = performance.now() - startedAt;

    const cases: { label: string; tool: string; op: Operation; args: Record<string, unknown> }[] = [
      { label: 'today', tool: 'today', op: today as Operation, args: {} },
      { label: `search "${someone}"`, tool: 'search_contacts', op: search as Operation, args: { query: someone } },
      { label: 'show contact #1', tool: 'show_contact', op: contactGet as Operation, args: { id: 1 } },
    ];
    const samples = new Map<string, number[]>();
    const push = (key: string, value: number): void => { samples.set(key, [...(samples.get(key) ?? []), value]); };
    // Warm-up: V8 compiles the paths both sides take.
    for (let i = 0; i < 20; i++) for (const c of cases) { await client.callTool({ name: c.tool, arguments: c.args }); await runOperation(ctx, c.op, c.args); }
    for (let i = 0; i < RUNS; i++) {
      push('ping', await time(() => client.ping()));
      for (const c of cases) {
        push(`mcp ${c.label}`, await time(async () => {
          const r = await client.callTool({ name: c.tool, arguments: c.args });
          if (r.isError) throw new Error(`${c.tool}: ${JSON.stringify(r.content)}`);
        }));
        push(`in-process ${c.label}`, await time(() => runOperation(ctx, c.op, c.args)));
      }
    }
    await client.close();
    await store.close();

    const median = (key: string): number => quantile([...samples.get(key)!].sort((a, b) => a - b), 0.5);
    const p99 = (key: string): number => quantile([...samples.get(key)!].sort((a, b) => a - b), 0.99);
    console.log(`${SIZE}-contact demo, ${RUNS} calls per case, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`start-up (spawn, initialize, list tools): ${ms(startUp)} ms`);
    console.log(`${'case'.padEnd(34)} ${'median'.padStart(8)} ${'p99'.padStart(8)}   ${'against in-process'.padEnd(22)} target`);
    console.log(`${'MCP ping (protocol + pipe only)'.padEnd(34)} ${ms(median('ping')).padStart(8)} ${ms(p99('ping')).padStart(8)}`);
    for (const c of cases) {
      const m = median(`mcp ${c.label}`);
      const base = median(`in-process ${c.label}`);
      console.log(`${`in-process ${c.label}`.padEnd(34)} ${ms(base).padStart(8)} ${ms(p99(`in-process ${c.label}`)).padStart(8)}`);
      console.log(`${`mcp ${c.label}`.padEnd(34)} ${ms(m).padStart(8)} ${ms(p99(`mcp ${c.label}`)).padStart(8)}   ${`${(m / base).toFixed(2)}x, +${ms(m - base)} ms`.padEnd(22)} < 50 ms: ${m < 50 ? 'met' : 'MISSED'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
