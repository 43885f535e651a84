import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuildOptions, HELP_PAGES } from '../scripts/build.mjs';
import { areaFor, COMMAND_AREAS } from '../src/cli/commands/index.ts';
import { CliRuntime } from '../src/cli/runtime.ts';
import { runRapport } from './support/cli.ts';

// What a command must not load before its action runs: a command that needs one of these imports it inside its
// action (`await import(...)`), so `rapport today` opens the database and answers without them.
const LAZY = [
  'node_modules/hono/', 'node_modules/@hono/', 'node_modules/pg/', 'node_modules/ical.js/', 'node_modules/ical-generator/', 'node_modules/tsdav/',
  'node_modules/csv-parse/', 'node_modules/csv-stringify/', 'node_modules/cli-progress/', '@node-rs/argon2', '@modelcontextprotocol/sdk',
  'src/server/serve.ts', 'src/server/app.ts', 'src/mcp/', 'src/analysis/', 'src/io/parse-file.ts', 'src/services/demo/plan.ts',
];

let meta: Metafile;
beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'rapport-build-'));
  try {
    meta = (await build({ ...cliBuildOptions(), outfile: join(out, 'rapport.cjs'), write: false, logLevel: 'silent' })).metafile;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// Every module `rapport <anything>` evaluates before an action runs: the static imports reachable from main.ts.
function startupChains(): Map<string, string[]> {
  const chains = new Map<string, string[]>([['src/cli/main.ts', ['src/cli/main.ts']]]);
  const queue = ['src/cli/main.ts'];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const imp of meta.inputs[from]?.imports ?? []) {
      if (imp.kind === 'dynamic-import' || chains.has(imp.path)) continue;
      chains.set(imp.path, [...chains.get(from)!, imp.path]);
      queue.push(imp.path);
    }
  }
  return chains;
}

describe('the compiled CLI', () => {
  it('starts without the server, the analysis kernels, the importers, argon2 or pg', () => {
    const offenders = [...startupChains()].filter(([path]) => LAZY.some((l) => path.includes(l))).map(([, chain]) => chain.join(' → '));
    expect(offenders, 'load these inside the command action with await import(...)').toEqual([]);
  });

  // `rapport today` loads the keep-in-touch area alone: no command area is a static import of the start-up path.
  it('loads a command area only when its command runs', () => {
    const areas = [...startupChains()].filter(([path]) => path.startsWith('src/cli/commands/') && path !== 'src/cli/commands/index.ts');
    expect(areas.map(([, chain]) => chain.join(' → ')), 'import command areas through COMMAND_AREAS (await import)').toEqual([]);
  });

  // runCli registers only the area whose `commands` name the command typed: a name missing there would be an
  // unknown command, and one listed under the wrong area too.
  it('lists, for each command area, exactly the commands and aliases it registers', async () => {
    for (const area of COMMAND_AREAS) {
      const program = new Command('rapport');
      (await area.load())(program, new CliRuntime(program));
      expect(program.commands.flatMap((c) => [c.name(), ...c.aliases()]).sort()).toEqual([...area.commands].sort());
    }
    expect(areaFor(['--db', 'today', 'outreach', '--limit', '3'])?.commands).toContain('outreach');
    expect(areaFor(['--db=x.db', 'follow-up', 'list'])?.commands).toContain('today');
    expect(areaFor(['help', 'today'])).toBeUndefined();
    expect(areaFor(['--version'])).toBeUndefined();
  });

  it('never contains Vite, a build tool', () => {
    const importsVite = Object.entries(meta.inputs).filter(([, i]) => i.imports.some((imp) => imp.path === 'vite' || imp.path.startsWith('vite/')));
    expect(importsVite.map(([path]) => path)).toEqual([]);
  });

  describe('run as a process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-startup-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('prints the version of package.json for --version', async () => {
      const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
      const r = await runRapport(join(dir, 'never-opened.db'), ['--version']);
      expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
    });

    // `--help` is answered from the pages the build wrote (dist/help.json); `--db PATH` before it is an option, so
    // commander itself prints the same page from the live program: the two must agree word for word.
    it.each([[[]], [['today']], [['contact', 'add']], [['import']]])('prints the same help for %j from the build as commander does', async (path) => {
      const db = join(dir, 'never-opened.db');
      const fromBuild = await runRapport(db, [...path, '--help']);
      const fromCommander = await runRapport(db, ['--db', db, ...path, '--help']);
      expect(fromBuild.code).toBe(0);
      expect(fromBuild.stdout).toMatch(/^Usage: rapport/);
      expect(fromBuild).toEqual(fromCommander);
      const { pages } = JSON.parse(readFileSync(HELP_PAGES, 'utf8')) as { pages: Record<string, string> };
      expect(pages[path.join(' ')]).toBe(fromBuild.stdout);
    });
  });
});
