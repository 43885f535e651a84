import { z } from 'zod';
import { SITUATIONS } from '../../domain/situations.ts';
import { out } from './common.ts';

const days = z.number().int();

export const settingsOutput = out({
  // What the situation and the overrides come to, per network.
  cadenceDefaults: out({ operational: days, personal: days, strategic: days }),
  situation: z.enum(SITUATIONS),
  myName: z.string().nullable(),
  cadenceOverrides: out({ operational: days.optional(), personal: days.optional(), strategic: days.optional() }),
  eventFollowUpDays: days,
  newContactFollowUpDays: days,
  onboarded: z.boolean(),
  defaultRegion: z.string().nullable(),
}).meta({ id: 'Settings' });

