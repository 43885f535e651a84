import { randomBytes } from 'node:crypto';
import type { Store } from '../store.ts';
import { saveSettingValue } from './settings.repository.ts';

// The digest's secrets, each under its own settings key: not in settingsSchema, so settings.get never shows them
// and backups (which carry only settingsSchema's keys) never export them.
export const DIGEST_SECRET_KEYS = { smtpPassword: 'digest.smtp-password', webhookSecret: 'digest.webhook-secret', unsubscribeToken: 'digest.unsubscribe-token' } as const;
export type DigestSecretName = keyof typeof DIGEST_SECRET_KEYS;

export async function loadDigestSecrets(store: Store): Promise<Record<DigestSecretName, string | null>> {
  const rows = await store.db.selectFrom('settings').select(['key', 'value']).where('workspace_id', '=', store.workspaceId)
    .where('key', 'in', Object.values(DIGEST_SECRET_KEYS)).execute();
  const byKey = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const get = (k: string) => { const v = byKey.get(k); return typeof v === 'string' && v !== '' ? v : null; };
  return { smtpPassword: get(DIGEST_SECRET_KEYS.smtpPassword), webhookSecret: get(DIGEST_SECRET_KEYS.webhookSecret), unsubscribeToken: get(DIGEST_SECRET_KEYS.unsubscribeToken) };
}

export async function saveDigestSecret(store: Store, name: DigestSecretName, value: string | null): Promise<void> {
  if (value === null) {
    await store.db.deleteFrom('settings').where('workspace_id', '=', store.workspaceId).where('key', '=', DIGEST_SECRET_KEYS[name]).execute();
  } else await saveSettingValue(store, DIGEST_SECRET_KEYS[name], value);
}

// The token in the emails' unsubscribe link, made on first use; unguessable, so only the mailbox owner can use it.
export async function unsubscribeToken(store: Store): Promise<string> {
  const existing = (await loadDigestSecrets(store)).unsubscribeToken;
  if (existing) return existing;
  const token = randomBytes(24).toString('base64url');
  await saveDigestSecret(store, 'unsubscribeToken', token);
  return token;
}
