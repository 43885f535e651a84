import { assertUnreachable, type RapportErrorCode } from '../domain/errors.ts';

// Documented in the README and `rapport --help`: 0 ok, 1 failure, 2 usage error or ambiguous name.
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export function exitCodeFor(code: RapportErrorCode): number {
  switch (code) {
    case 'invalid':
    case 'ambiguous':
      return EXIT.usage;
    case 'not_found':
    case 'conflict':
    case 'unauthorized':
    case 'forbidden':
    case 'busy':
      return EXIT.failure;
    default:
      return assertUnreachable(code);
  }
}
