import { z } from 'zod';
import type { Clock } from '../domain/clock.ts';
import { RapportError, type FieldProblem } from '../domain/errors.ts';
import type { Store } from '../store/store.ts';

export interface ServiceContext {
  store: Store;
  clock: Clock;
}

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

// One named use case: the CLI, the HTTP API and the web client all call it through runOperation.
export interface Operation<I extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  summary: string;
  // 'read' never writes; 'write' runs in one transaction.
  effect: 'read' | 'write';
  input: I;
  output?: z.ZodType<O>;
  http: { method: HttpMethod; path: string };
  run(ctx: ServiceContext, input: z.output<I>): Promise<O>;
}

export function defineOperation<I extends z.ZodType, O>(op: Operation<I, O>): Operation<I, O> {
  return op;
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
    ...('input' in issue && issue.input !== undefined ? { value: issue.input } : {}),
  }));
}

export function invalidInput(error: z.ZodError, what = 'input'): RapportError {
  const problems = problemsOf(error);
  const text = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new RapportError('invalid', `${what}: ${text}`, { problems });
}

export function parseInput<I extends z.ZodType>(schema: I, raw: unknown, what = 'input'): z.output<I> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, what);
  return parsed.data;
}

export async function runOperation<I extends z.ZodType, O>(ctx: ServiceContext, op: Operation<I, O>, raw: unknown): Promise<O> {
  const input = parseInput(op.input, raw, op.name);
  if (op.effect === 'read' || ctx.store.inTransaction) return op.run(ctx, input);
  return ctx.store.transaction((tx) => op.run({ ...ctx, store: tx }, input));
}

export const idSchema = z.number().int().positive();
// Accepts "42" from a URL or CLI as well as 42.
export const idParam = z.coerce.number().int().positive();

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
