import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../domain/settings.ts';
import type { ConnectionType } from '../../domain/connection-types.ts';
import type { Network } from '../../domain/networks.ts';
import type { Store } from '../store.ts';

export async function loadSettings(store: Store): Promise<Settings> {
  const rows = await store.db.selectFrom('settings').select(['key', 'value']).where('workspace_id', '=', store.workspaceId).execute();
  if (rows.length === 0) return DEFAULT_SETTINGS;
  const raw: Record<string, unknown> = {};
  for (const r of rows) raw[r.key] = JSON.parse(r.value) as unknown;
  return settingsSchema.parse(raw);
}

// The region national phone numbers are read in (settings.defaultRegion, set from the locale on first run).
export async function phoneRegion(store: Store): Promise<string | null> {
  const row = await store.db.selectFrom('settings').select('value').where('workspace_id', '=', store.workspaceId).where('key', '=', 'defaultRegion').executeTakeFirst();
  const value = row ? (JSON.parse(row.value) as unknown) : null;
  return typeof value === 'string' ? value : null;
}

// One key of the settings table, stored as JSON.
export async function saveSettingValue(store: Store, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await store.db
    .insertInto('settings')
    .values({ workspace_id: store.workspaceId, key, value: json })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ value: json }))
    .execute();
}

export async function saveSettings(store: Store, settings: Settings): Promise<void> {
  for (const [key, value] of Object.entries(settings)) await saveSettingValue(store, key, value);
}

export async function loadCustomConnectionTypes(store: Store): Promise<ConnectionType[]> {
  const rows = await store.db.selectFrom('connection_types').selectAll().where('workspace_id', '=', store.workspaceId).orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, label: r.label, defaultNetwork: r.default_network as Network, builtIn: false }));
}

export async function insertCustomConnectionType(store: Store, type: ConnectionType): Promise<void> {
  await store.db
    .insertInto('connection_types')
    .values({ workspace_id: store.workspaceId, key: type.key, label: type.label, default_network: type.defaultNetwork })
    .execute();
}
