import { z } from 'zod';
import { RapportError } from '../domain/errors.ts';
import { loadAuthSecret, saveAuthSecret } from '../store/repositories/auth.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, type Operation } from './operation.ts';
import { passwordStatusOutput } from './schemas/small.ts';

// The password that guards the web app and API. Only its argon2id hash is stored; the server keeps sessions.
export const passwordSchema = z.string().min(8, 'a password is at least 8 characters').max(200, 'a password is at most 200 characters');

export const loadPasswordHash = (store: Store): Promise<string | null> => loadAuthSecret(store, 'auth.password-hash');

export async function passwordMatches(passwordHash: string, candidate: string): Promise<boolean> {
  // Loaded here, not at start-up: only the server checks passwords, and a missing driver must not read as "wrong".
  const { verify } = await import('@node-rs/argon2');
  try {
    return await verify(passwordHash, candidate);
  } catch {
    // A corrupt stored hash must lock the door, not open it.
    return false;
  }
}

async function assertCurrentPassword(store: Store, current: string | undefined): Promise<void> {
  const stored = await loadPasswordHash(store);
  if (stored === null) return;
  if (current === undefined || !(await passwordMatches(stored, current))) {
    throw new RapportError('forbidden', 'currentPassword: that is not the current password', {
      problems: [{ path: 'currentPassword', message: 'not the current password' }],
    });
  }
}

export const authStatus = defineOperation({
  name: 'auth.status',
  summary: 'Whether a password guards this Rapport (never the password itself)',
  effect: 'read',
  input: z.object({}),
  output: passwordStatusOutput,
  http: { method: 'get', path: '/auth/status' },
  run: async ({ store }) => ({ passwordSet: (await loadPasswordHash(store)) !== null }),
});

export const authSetPassword = defineOperation({
  name: 'auth.set-password',
  summary: 'Set or change the password (the current one is required to change it); signs every session out',
  effect: 'write',
  // Not undoable: an undo would bring back or drop a password past the checks these operations make.
  journal: 'none',
  input: z.object({ currentPassword: z.string().max(200).optional(), newPassword: passwordSchema }),
  output: passwordStatusOutput,
  http: { method: 'post', path: '/auth/password' },
  run: async ({ store }, { currentPassword, newPassword }) => {
    await assertCurrentPassword(store, currentPassword);
    const { hash } = await import('@node-rs/argon2');
    await saveAuthSecret(store, 'auth.password-hash', await hash(newPassword));
    return { passwordSet: true };
  },
});

export const authClearPassword = defineOperation({
  name: 'auth.clear-password',
  summary: 'Remove the password (only allowed while the server listens on this computer alone)',
  effect: 'write',
  // Not undoable: an undo would bring back or drop a password past the checks these operations make.
  journal: 'none',
  input: z.object({ currentPassword: z.string().max(200) }),
  output: passwordStatusOutput,
  http: { method: 'post', path: '/auth/password/clear' },
  run: async ({ store }, { currentPassword }) => {
    await assertCurrentPassword(store, currentPassword);
    await saveAuthSecret(store, 'auth.password-hash', null);
    return { passwordSet: false };
  },
});

// Served by the HTTP API beside the catalogue; the CLI has no use for them.
export const AUTH_OPERATIONS: readonly Operation[] = [authStatus, authSetPassword, authClearPassword] as readonly Operation[];
