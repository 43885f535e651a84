import { saveSettingValue } from './settings.repository.ts';
import type { Store } from '../store.ts';

// Credentials live in the settings table under their own keys; loadSettings ignores keys it does not know, so
// they never travel with settings.get.
export type AuthKey = 'auth.password-hash';

export async function loadAuthSecret(store: Store, key: AuthKey): Promise<string | null> {
  const row = await store.db
    .selectFrom('settings')
    .select('value')
    .where('workspace_id', '=', store.workspaceId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  const value = JSON.parse(row.value) as unknown;
  return typeof value === 'string' ? value : null;
}

export async function saveAuthSecret(store: Store, key: AuthKey, value: string | null): Promise<void> {
  if (value === null) {
    await store.db.deleteFrom('settings').where('workspace_id', '=', store.workspaceId).where('key', '=', key).execute();
    return;
  }
  await saveSettingValue(store, key, value);
}
