// One error class for every failure a user can cause; surfaces map `code` once each (HTTP status, exit code).
// 'busy': another process held the database's write lock for longer than a writer waits (an import); try again.
export type RapportErrorCode = 'invalid' | 'not_found' | 'ambiguous' | 'conflict' | 'unauthorized' | 'forbidden' | 'busy';

export interface FieldProblem {
  path: string;
  message: string;
  value?: unknown;
}

export class RapportError extends Error {
  readonly code: RapportErrorCode;
  readonly problems: FieldProblem[];
  readonly candidates: { id: number; label: string }[];

  constructor(
    code: RapportErrorCode,
    message: string,
    details: { problems?: FieldProblem[]; candidates?: { id: number; label: string }[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'RapportError';
    this.code = code;
    this.problems = details.problems ?? [];
    this.candidates = details.candidates ?? [];
  }
}

export const invalid = (path: string, message: string, value?: unknown): RapportError =>
  new RapportError('invalid', `${path}: ${message}${value === undefined ? '' : ` (got ${JSON.stringify(value)})`}`, {
    problems: [{ path, message, value }],
  });

export const notFound = (what: string, ref: string | number): RapportError =>
  new RapportError('not_found', `${what} not found: ${JSON.stringify(ref)}`);

export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
