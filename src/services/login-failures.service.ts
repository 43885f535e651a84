import { z } from 'zod';
import { insertLoginFailure, KEPT_LOGIN_FAILURES, latestLoginFailures, loginFailureTotals } from '../store/repositories/login-failures.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation } from './operation.ts';
import { count, instant, out } from './schemas/common.ts';

export const LOGIN_FAILURE_KINDS = ['password', 'token'] as const;
export type LoginFailureKind = (typeof LOGIN_FAILURE_KINDS)[number];

const loginFailuresOutput = out({
  totals: out({ password: count, token: count }),
  since: instant.nullable(),
  latest: z.array(out({ at: instant, client: z.string(), kind: z.enum(LOGIN_FAILURE_KINDS) })),
});

export interface LoginFailure {
  at: string;
  client: string;
  kind: LoginFailureKind;
}

export interface LoginFailures {
  totals: Record<LoginFailureKind, number>;
  // When the first failure on record happened (null: never).
  since: string | null;
  // Newest first, at most KEPT_LOGIN_FAILURES.
  latest: LoginFailure[];
}

// Called by the server for each wrong password or token it actually checked (throttled attempts are not checked).
export function recordLoginFailure(store: Store, failure: LoginFailure): Promise<void> {
  return store.transaction((tx) => insertLoginFailure(tx, failure));
}

export const authFailures = defineOperation({
  name: 'auth.failures',
  summary: `Failed sign-ins (wrong password or token): totals, and the latest ${KEPT_LOGIN_FAILURES} with time, client address and kind`,
  effect: 'read',
  input: z.object({}),
  output: loginFailuresOutput,
  http: { method: 'get', path: '/auth/failures' },
  run: async ({ store }): Promise<LoginFailures> => {
    const totals = await loginFailureTotals(store);
    const count = (kind: LoginFailureKind) => totals.find((t) => t.kind === kind)?.total ?? 0;
    const firsts = totals.map((t) => t.firstAt).sort();
    return {
      totals: { password: count('password'), token: count('token') },
      since: firsts[0] ?? null,
      latest: (await latestLoginFailures(store)).map((r) => ({ at: r.at, client: r.client, kind: r.kind as LoginFailureKind })),
    };
  },
});
