import { z } from 'zod';
import { RapportError, notFound } from '../../domain/errors.ts';
import { lineText, TEXT_LIMITS } from '../../domain/limits.ts';
import { accountByName, deleteAccount, insertAccount, listAccounts, updateAccount } from '../../store/repositories/connected-accounts.repository.ts';
import type { Store } from '../../store/store.ts';
import { defineOperation, type ServiceContext } from '../operation.ts';
import type { ConnectedAccount, SyncResult } from './account-syncer.ts';
import { carddavOptionsSchema } from './carddav-scope.ts';
import { SYNCERS } from './syncers.ts';

const KINDS = ['carddav', 'caldav', 'ics'] as const;
const nameSchema = lineText(TEXT_LIMITS.label).min(1, 'give the account a name, e.g. "phone"').regex(/^[^\s/]+$/, 'an account name has no spaces or slashes');
const envSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name: letters, digits and _');

// What is shown of an account: never its password, only where it comes from.
// What the last run did (SyncResult), and the options an account can have (which contacts; a calendar's limits).
const syncResultOutput = z.object({
  created: z.number().int(), updated: z.number().int(), deleted: z.number().int(), archived: z.number().int(), conflicts: z.number().int(),
  skipped: z.number().int(), errors: z.array(z.object({ item: z.string(), message: z.string() })), review: z.array(z.string()).optional(),
});
const accountOptionsOutput = z.object({
  networks: z.array(z.string()).optional(), tags: z.array(z.string()).optional(), addressBook: z.string().optional(),
  maxAttendees: z.number().int().optional(), days: z.number().int().optional(), myAddresses: z.array(z.string()).optional(),
});
export const accountView = z.object({
  name: z.string(), kind: z.enum(KINDS), url: z.string(), username: z.string().nullable(),
  password: z.enum(['stored', 'environment', 'none']), passwordEnv: z.string().nullable(), addressBook: z.string().nullable(),
  options: accountOptionsOutput, paused: z.boolean(), lastSyncAt: z.string().nullable(),
  lastResult: syncResultOutput.nullable(), lastError: z.string().nullable(),
});
export type AccountView = z.output<typeof accountView>;

export function viewOf(a: ConnectedAccount): AccountView {
  return {
    name: a.name, kind: a.kind, url: a.url, username: a.username,
    password: a.secret !== null ? 'stored' : a.secret_env !== null ? 'environment' : 'none', passwordEnv: a.secret_env, addressBook: a.collection_url,
    options: JSON.parse(a.options) as z.output<typeof accountOptionsOutput>, paused: a.paused === 1, lastSyncAt: a.last_sync_at,
    lastResult: a.last_result ? (JSON.parse(a.last_result) as SyncResult) : null, lastError: a.last_error,
  };
}

export async function findAccount(store: Store, name: string): Promise<ConnectedAccount> {
  const a = await accountByName(store, name);
  if (!a) throw notFound('connected account', name);
  return a;
}

const syncerOf = (a: ConnectedAccount) => {
  const s = SYNCERS[a.kind];
  if (!s) throw new RapportError('invalid', `account ${JSON.stringify(a.name)}: syncing ${a.kind} accounts is not available in this version`);
  return s;
};

export const syncAdd = defineOperation({
  name: 'sync.add',
  summary: 'Connect an address book (CardDAV) or calendar: its URL, user, and the password from an environment variable or stored with consent',
  effect: 'write',
  journal: 'none',
  conflicts: true,
  input: z.object({
    kind: z.enum(KINDS),
    name: nameSchema,
    url: z.url({ protocol: /^https?$/, error: 'url: the server address, http:// or https://' }),
    username: lineText(TEXT_LIMITS.short).optional(),
    passwordEnv: envSchema.optional(),
    password: z.string().max(1000).optional().describe('stored in the database: only with the user\'s consent (--store-password)'),
    options: carddavOptionsSchema.partial().default({}),
  }).refine((v) => !(v.password !== undefined && v.passwordEnv !== undefined), { message: 'give the password either from an environment variable or to store, not both', path: ['password'] }),
  output: accountView,
  http: { method: 'post', path: '/sync/accounts' },
  async run({ store, clock }, input) {
    if (await accountByName(store, input.name)) throw new RapportError('conflict', `a connected account named ${JSON.stringify(input.name)} already exists; choose another name or remove it first`);
    await insertAccount(store, {
      kind: input.kind, name: input.name, url: input.url, username: input.username ?? null, secret: input.password ?? null, secret_env: input.passwordEnv ?? null,
      collection_url: null, options: JSON.stringify(input.options), paused: 0, sync_token: null, ctag: null, last_sync_at: null, last_result: null, last_error: null,
      created_at: clock.now().toISOString(),
    });
    return viewOf(await findAccount(store, input.name));
  },
});

export const syncList = defineOperation({
  name: 'sync.list',
  summary: 'Connected accounts with their last sync, result and error',
  effect: 'read',
  input: z.object({}),
  output: z.array(accountView),
  http: { method: 'get', path: '/sync/accounts' },
  run: async ({ store }) => (await listAccounts(store)).map(viewOf),
});

const byName = z.object({ name: nameSchema });

export const syncTest = defineOperation({
  name: 'sync.test',
  summary: 'Sign in to a connected account\'s server and find its address book or calendar, changing nothing',
  effect: 'read',
  input: byName,
  output: z.object({ ok: z.literal(true), detail: z.string() }),
  http: { method: 'post', path: '/sync/accounts/{name}/test' },
  run: async (ctx, { name }) => { const a = await findAccount(ctx.store, name); return syncerOf(a).test(ctx, a); },
});

const resultSchema = z.object({
  created: z.number(), updated: z.number(), deleted: z.number(), archived: z.number(), conflicts: z.number(), skipped: z.number(),
  errors: z.array(z.object({ item: z.string(), message: z.string() })), review: z.array(z.string()).optional(),
});

// One account synced now; its result or error is kept on the account either way, so `sync list` and Settings
// show what happened. A whole-account failure (server down, password refused) is recorded, then reported.
export async function syncAccount(ctx: ServiceContext, account: ConnectedAccount, signal?: AbortSignal): Promise<SyncResult> {
  const now = ctx.clock.now().toISOString();
  try {
    const syncer = syncerOf(account);
    const options = signal ? { signal } : undefined;
    const result = syncer.ownTransactions || ctx.store.inTransaction ? await syncer.sync(ctx, account, options)
      : await ctx.store.transaction((store) => syncer.sync({ ...ctx, store }, account, options));
    const lastError = result.errors.length ? `${result.errors.length} item${result.errors.length === 1 ? '' : 's'} failed; first: ${result.errors[0]!.message}` : null;
    await updateAccount(ctx.store, account.id, { last_sync_at: now, last_result: JSON.stringify(result), last_error: lastError });
    return result;
  } catch (e) {
    if (e instanceof RapportError) await updateAccount(ctx.store, account.id, { last_sync_at: now, last_result: null, last_error: e.message });
    throw e;
  }
}

export const syncRun = defineOperation({
  name: 'sync.run',
  summary: 'Sync a connected account now (both directions for an address book); paused accounts are skipped unless named',
  effect: 'write',
  journal: 'none',
  // A CardDAV sync waits on the server between its writes: those waits must not hold the write lock (a `rapport`
  // command run meanwhile would wait, then fail as busy). syncAccount wraps the syncers that do not manage their own.
  transactions: 'own',
  input: z.object({ name: nameSchema.optional() }),
  output: z.array(z.object({ name: z.string(), result: resultSchema.nullable(), error: z.string().nullable() })),
  http: { method: 'post', path: '/sync/run' },
  async run(ctx, { name }) {
    const accounts = name ? [await findAccount(ctx.store, name)] : (await listAccounts(ctx.store)).filter((a) => a.paused === 0);
    const out = [];
    // An account that fails (server down, password refused) is recorded and reported, and the others still sync;
    // not thrown, so the record of it is kept.
    for (const a of accounts) {
      try { out.push({ name: a.name, result: await syncAccount(ctx, a), error: null }); } catch (e) {
        if (!(e instanceof RapportError)) throw e;
        out.push({ name: a.name, result: null, error: e.message });
      }
    }
    return out;
  },
});

const setPaused = (paused: boolean) => async ({ store }: ServiceContext, { name }: { name: string }) => {
  const a = await findAccount(store, name);
  await updateAccount(store, a.id, { paused: paused ? 1 : 0 });
  return viewOf(await findAccount(store, name));
};

export const syncPause = defineOperation({
  name: 'sync.pause', summary: 'Stop syncing an account (kept, with its cards matched) until resumed', effect: 'write', journal: 'none',
  input: byName, output: accountView, http: { method: 'post', path: '/sync/accounts/{name}/pause' }, run: setPaused(true),
});

export const syncResume = defineOperation({
  name: 'sync.resume', summary: 'Sync a paused account again', effect: 'write', journal: 'none',
  input: byName, output: accountView, http: { method: 'post', path: '/sync/accounts/{name}/resume' }, run: setPaused(false),
});

export const syncRemove = defineOperation({
  name: 'sync.remove',
  summary: 'Disconnect an account: its password and sync state go; the contacts stay, and nothing is deleted on the server',
  effect: 'write', journal: 'none',
  input: byName, output: z.object({ removed: z.string() }), http: { method: 'post', path: '/sync/accounts/{name}/remove' },
  async run({ store }, { name }) {
    const a = await findAccount(store, name);
    await deleteAccount(store, a.id);
    return { removed: name };
  },
});
