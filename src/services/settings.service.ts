import { z } from 'zod';
import { settingsPatchSchema, cadenceDefaultsOf, type Settings } from '../domain/settings.ts';
import { refreshDue } from '../store/repositories/contacts.repository.ts';
import { rekeyPhones } from '../store/repositories/duplicates.repository.ts';
import { loadSettings, saveSettings } from '../store/repositories/settings.repository.ts';
import { defineOperation } from './operation.ts';
import { settingsOutput } from './schemas/settings.ts';

export const settingsGet = defineOperation({
  name: 'settings.get',
  summary: 'Your situation, cadence defaults and follow-up timing',
  effect: 'read',
  input: z.object({}),
  output: settingsOutput,
  http: { method: 'get', path: '/settings' },
  run: async ({ store }) => {
    const settings = await loadSettings(store);
    return { ...settings, cadenceDefaults: cadenceDefaultsOf(settings) };
  },
});

export const settingsUpdate = defineOperation({
  name: 'settings.update',
  summary: 'Change settings; a new situation or cadence re-plans every contact\'s next due date',
  effect: 'write',
  input: settingsPatchSchema,
  output: settingsOutput,
  http: { method: 'patch', path: '/settings' },
  run: async ({ store, clock }, patch) => {
    const before = await loadSettings(store);
    const after: Settings = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    await saveSettings(store, after);
    if (before.defaultRegion !== after.defaultRegion) await rekeyPhones(store, after.defaultRegion);
    const cadenceChanged = JSON.stringify(cadenceDefaultsOf(before)) !== JSON.stringify(cadenceDefaultsOf(after));
    if (cadenceChanged) await refreshDue(store, 'all', cadenceDefaultsOf(after), clock.now().toISOString());
    return { ...after, cadenceDefaults: cadenceDefaultsOf(after) };
  },
});
