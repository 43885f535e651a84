import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runRapport } from './support/cli.ts';

// The README's command examples, run verbatim through the real CLI. Only the ```sh blocks of the section headed
// "## The `rapport` command" (up to the next "## " heading) are taken: other sections show commands on files a
// reader has (imports, exports) and are not meant to run as they stand.
const README = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
const SECTION = '## The `rapport` command';

function commandSection(markdown: string): string {
  const start = markdown.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "${SECTION}" heading`);
  const rest = markdown.slice(start + SECTION.length + 2);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

function shBlocks(section: string): string[] {
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

// Shell words as sh reads them for these lines: double or single quotes, `#` starting a comment outside quotes,
// `&&` between commands. Anything else a shell would do (pipes, variables, globs) is refused, so the README
// cannot drift into a form this test silently misreads.
function shellCommands(line: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  const end = () => {
    if (word !== null) commands[commands.length - 1]!.push(word);
    word = null;
  };
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) end();
    else if (ch === '#' && word === null) break;
    else if (ch === '&' && line[i + 1] === '&') {
      end();
      commands.push([]);
      i += 1;
    } else if ('|;$`<>*?'.includes(ch)) throw new Error(`README example uses shell syntax this test does not run: ${line}`);
    else word = (word ?? '') + ch;
  }
  if (quote) throw new Error(`README example has an unclosed quote: ${line}`);
  end();
  return commands.filter((c) => c.length > 0);
}

const examples = shBlocks(commandSection(README))
  .flatMap((block) => block.split('\n'))
  .flatMap(shellCommands);

const dir = mkdtempSync(join(tmpdir(), 'rapport-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runAll(db: string): Promise<{ line: string; code: number; stderr: string }[]> {
  const results = [];
  // In order, one after the other: later lines name what earlier ones made.
  for (const command of examples) {
    const [program, ...args] = command;
    expect(program, `every example starts with rapport: ${command.join(' ')}`).toBe('rapport');
    const run = await runRapport(db, args);
    results.push({ line: command.join(' '), code: run.code, stderr: run.stderr.trim() });
  }
  return results;
}

describe('the README command block', { timeout: 240_000 }, () => {
  it('is found, and reads as rapport commands', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.every((c) => c[0] === 'rapport')).toBe(true);
    expect(shellCommands('rapport a "b c" # d && e')).toEqual([['rapport', 'a', 'b c']]);
    expect(shellCommands("rapport a 'x' && rapport b")).toEqual([['rapport', 'a', 'x'], ['rapport', 'b']]);
  });

  it.concurrent('runs verbatim on a fresh database: every command exits 0', async () => {
    const results = await runAll(join(dir, 'fresh.db'));
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
  });

  it.concurrent('runs verbatim after `rapport demo`: no name the block uses is ambiguous', async () => {
    const db = join(dir, 'demo.db');
    const demo = await runRapport(db, ['demo']);
    expect(demo.code, demo.stderr).toBe(0);
    const results = await runAll(db);
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
  });
});
