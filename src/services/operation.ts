import { z } from 'zod';
import type { Clock } from '../domain/clock.ts';
import { offsetSchema } from '../domain/limits.ts';
import { RapportError, type FieldProblem } from '../domain/errors.ts';
import { closeEntry, openEntry, type JournalEntry } from '../store/journal/journal.repository.ts';
import type { Store } from '../store/store.ts';
import { describeWrite } from './history-summaries.ts';

export interface ServiceContext {
  store: Store;
  clock: Clock;
}

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

// One named use case: the CLI, the HTTP API and the web client all call it through runOperation.
export interface Operation<I extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  summary: string;
  // 'read' never changes the user's data (it may keep a derived cache: the bridge ranking); 'write' runs in one transaction.
  effect: 'read' | 'write';
  input: I;
  // What it returns, after JSON (dates as ISO strings): the OpenAPI success response, and what typed callers get.
  output: z.ZodType<O>;
  http: { method: HttpMethod; path: string };
  // True when it can answer 409: a name already taken, a non-empty database, a name matching several records.
  conflicts?: boolean;
  // How a write is journalled for undo: 'rows' (default) copies every row it changes; 'entry' writes only the
  // entry, for an operation with an inverse of its own (demo.load, undone by removing the demo); 'none' leaves no
  // entry at all (the password).
  journal?: 'rows' | 'entry' | 'none';
  // Work a write does before its transaction begins (fetching a URL, parsing what came back), so the write lock is
  // not held while a network answers; what it returns is handed to run as `prepared`.
  prepare?(ctx: ServiceContext, input: z.output<I>): Promise<unknown>;
  // 'own': a write that waits on a network (sync with a server) opens its own short write transactions around
  // the writes, instead of one around the whole run, so the database's write lock is never held across a wait.
  // Only with journal 'none' (there is no one transaction to journal).
  transactions?: 'own';
  run(ctx: ServiceContext, input: z.output<I>, prepared?: unknown): Promise<O>;
}

// Keeps the name as a literal type, so typed clients (the web app) can look an operation up by its name. The output
// type is the output schema's: `run` must return something the schema describes, and callers get that type.
export function defineOperation<I extends z.ZodType, S extends z.ZodType, const N extends string>(
  op: Omit<Operation<I, z.output<S>>, 'output'> & { name: N; output: S },
): Operation<I, z.output<S>> & { name: N; output: S } {
  // S is a ZodType whose output is z.output<S>; TypeScript cannot see that through the generic.
  return op as Operation<I, z.output<S>> & { name: N; output: S };
}

// What an operation returns, as its callers see it.
export type OutputOf<Op> = Op extends Operation<z.ZodType, infer O> ? O : never;

// The value at an issue's path in what was sent, for messages that do not quote it themselves.
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = raw;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

export function problemsOf(error: z.ZodError, raw?: unknown): FieldProblem[] {
  return error.issues.map((issue) => {
    const value = 'input' in issue && issue.input !== undefined ? issue.input : valueAt(raw, issue.path);
    return { path: issue.path.map(String).join('.') || '(input)', message: issue.message, ...(value !== undefined ? { value } : {}) };
  });
}

// A bad value is named in the message ("date: must be a real date … (got "2026-02-30")") unless the message already quotes it.
function quoted(p: FieldProblem): string {
  if (p.value === undefined || (typeof p.value === 'object' && p.value !== null)) return '';
  const text = JSON.stringify(p.value);
  if (p.message.includes(text) || p.message.includes(String(p.value))) return '';
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}…"` : text})`;
}

export function invalidInput(error: z.ZodError, what = 'input', raw?: unknown): RapportError {
  const problems = problemsOf(error, raw);
  const text = problems.map((p) => `${p.path}: ${p.message}${quoted(p)}`).join('; ');
  return new RapportError('invalid', `${what}: ${text}`, { problems });
}

export function parseInput<I extends z.ZodType>(schema: I, raw: unknown, what = 'input'): z.output<I> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, what, raw);
  return parsed.data;
}

export async function runOperation<I extends z.ZodType, O>(ctx: ServiceContext, op: Operation<I, O>, raw: unknown): Promise<O> {
  return (await runJournalled(ctx, op, raw)).output;
}

// In tests (vitest sets RAPPORT_CHECK_OUTPUTS=1) every result is held to its operation's output schema, so the
// schemas stay true; production skips the walk over what can be 30,000 rows.
const CHECK_OUTPUTS = process.env.RAPPORT_CHECK_OUTPUTS === '1';

function checkedOutput<O>(op: Operation<z.ZodType, O>, output: O): O {
  if (!CHECK_OUTPUTS) return output;
  const parsed = op.output.safeParse(output);
  if (parsed.success) return output;
  const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(output)'}: ${i.message}`).join('; ');
  // Not a user's mistake but a schema (or an operation) that is wrong: a plain Error, so no test can take it for a 4xx.
  throw new Error(`${op.name} returned what its output schema does not describe: ${where}`);
}

// As runOperation, also returning the journal entry a write left (null for a read, a nested call, or no change).
export async function runJournalled<I extends z.ZodType, O>(ctx: ServiceContext, op: Operation<I, O>, raw: unknown): Promise<{ output: O; entry: JournalEntry | null }> {
  const input = parseInput(op.input, raw, op.name);
  const prepared = op.prepare ? await op.prepare(ctx, input) : undefined;
  const run = async (inner: ServiceContext): Promise<O> => checkedOutput(op, await op.run(inner, input, prepared));
  if (op.effect === 'read' || ctx.store.inTransaction || (op.transactions === 'own' && op.journal === 'none')) return { output: await run(ctx), entry: null };
  if (op.journal === 'none') return { output: await ctx.store.transaction((tx) => run({ ...ctx, store: tx })), entry: null };
  return ctx.store.transaction((tx) => journalled({ ...ctx, store: tx }, op, input, run));
}

// Runs a write inside the caller's transaction with its journal entry: the rows it changes are copied in the same
// transaction, so a failed write leaves no entry and a committed one always has its entry.
export async function journalled<O>(ctx: ServiceContext, op: Pick<Operation, 'name' | 'journal'>, input: unknown, fn: (ctx: ServiceContext) => Promise<O>): Promise<{ output: O; entry: JournalEntry | null }> {
  const rows = (op.journal ?? 'rows') === 'rows';
  const entryId = await openEntry(ctx.store, op.name, ctx.clock.now().toISOString(), rows);
  const output = await fn(ctx);
  const summary = await describeWrite(ctx.store, op.name, input, output, entryId);
  return { output, entry: await closeEntry(ctx.store, entryId, summary, !rows) };
}

// The shared bounds (ids, lists, text) live in domain/limits.ts; re-exported here for the operations' schemas.
export { idList, idParam, idSchema } from '../domain/limits.ts';

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: offsetSchema,
});
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
