import { z } from 'zod';
import { lineText, TEXT_LIMITS } from './limits.ts';
import type { CadenceDefaults } from './cadence.ts';
import type { Network } from './networks.ts';
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
