import { z } from 'zod';
import { settingsSchema } from '../../domain/settings.ts';
import { out } from './common.ts';

const days = z.number().int();

// The stored settings as the domain defines them (so a new setting cannot be missing here), plus what the
// situation and the overrides come to per network.
export const settingsOutput = z.strictObject({
  ...settingsSchema.shape,
  cadenceDefaults: out({ operational: days, personal: days, strategic: days }),
}).meta({ id: 'Settings' });
