import { z } from 'zod';
import { lineText, TEXT_LIMITS } from './limits.ts';
import type { CadenceDefaults } from './cadence.ts';
import type { Network } from './networks.ts';
import { digestSettingsSchema } from './digest-settings.ts';
import { patchSchema } from './patch.ts';
import { isPhoneRegion } from './phone.ts';
import { CADENCE_DEFAULTS, situationSchema, type Situation } from './situations.ts';

const cadence = z.number().int().min(1).max(3650);

// What the user has chosen; anything unset falls back to the situation's defaults.
export const settingsSchema = z.object({
  situation: situationSchema.default('growing-in-role'),
  myName: lineText(TEXT_LIMITS.name).nullable().default(null),
  cadenceOverrides: z.object({ operational: cadence.optional(), personal: cadence.optional(), strategic: cadence.optional() }).default({}),
  eventFollowUpDays: z.number().int().min(0).max(60).default(2),
  newContactFollowUpDays: z.number().int().min(0).max(60).default(3),
  onboarded: z.boolean().default(false),
  // Where national phone numbers ("01 23 45 67 89") are read as being from: set from the locale on first run.
  // What an assistant connected by `rapport mcp` may do: read only unless writes are turned on; blocked tools by name.
  mcpAllowWrites: z.boolean().default(false),
  mcpBlockedTools: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'an MCP tool name, e.g. log_interaction' })).max(100).default([]),
  // Important dates shown on Today (and in the digest) this many days ahead.
  datesAheadDays: z.number().int().min(0).max(60).default(7),
  // Calendar alarms: minutes before the start of the day an item is due (900: 9:00 the day before; 0: at midnight); null: no alarms.
  calendarAlarmMinutes: z.number().int().min(0).max(43_200).nullable().default(900),
  // Where links in the digest point (the web app as you reach it); unset: http://127.0.0.1:4747.
  webBaseUrl: z.string().trim().max(500).refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), { error: (i) => `not an http(s) address: ${JSON.stringify(i.input)}` }).nullable().default(null),
  digest: digestSettingsSchema.prefault({}),
  defaultRegion: z.string().trim().toUpperCase().refine(isPhoneRegion, { error: (i) => `not a country code libphonenumber knows (e.g. FR, NL, US): ${JSON.stringify(i.input)}` }).nullable().default(null),
});
export type Settings = z.output<typeof settingsSchema>;
// The keys a backup carries: the user's choices above and nothing else. The settings table also holds credentials
// (auth.password-hash), so an allow-list keeps any secret added later out of backups without anyone remembering to.
export const BACKED_UP_SETTINGS = Object.keys(settingsSchema.shape) as readonly (keyof Settings)[];
// patchSchema, not .partial(): .partial() keeps the defaults, so saving only myName would reset onboarded and situation.
export const settingsPatchSchema = patchSchema(settingsSchema);

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function cadenceDefaultsOf(settings: Settings): CadenceDefaults {
  const base = CADENCE_DEFAULTS[settings.situation as Situation];
  const out = { ...base };
  for (const n of Object.keys(base) as Network[]) {
    const o = settings.cadenceOverrides[n];
    if (o !== undefined) out[n] = o;
  }
  return out;
}
