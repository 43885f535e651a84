import type { CadenceDefaults } from '../../domain/cadence.ts';
import { findConnectionType } from '../../domain/connection-types.ts';
import { RapportError } from '../../domain/errors.ts';
import { cadenceDefaultsOf, type Settings } from '../../domain/settings.ts';
import { loadCustomConnectionTypes, loadSettings } from '../../store/repositories/settings.repository.ts';
import type { Store } from '../../store/store.ts';

export async function settingsAndDefaults(store: Store): Promise<{ settings: Settings; defaults: CadenceDefaults }> {
  const settings = await loadSettings(store);
  return { settings, defaults: cadenceDefaultsOf(settings) };
}

export async function assertConnectionType(store: Store, key: string | null | undefined, path = 'connectionType'): Promise<void> {
  if (key == null) return;
  const custom = await loadCustomConnectionTypes(store);
  if (!findConnectionType(key, custom)) {
    throw new RapportError('invalid', `${path}: unknown connection type ${JSON.stringify(key)} (see \`rapport types\`, or add it with \`rapport types add\`)`, {
      problems: [{ path, message: 'unknown connection type', value: key }],
    });
  }
}
