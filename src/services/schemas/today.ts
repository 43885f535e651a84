import { z } from 'zod';
import { day, id, instant, network, out } from './common.ts';

// The rows of Today's sections; the view itself is next to the operation, with its section names.
export const openActionRowOutput = out({
  id,
  kind: z.string(),
  description: z.string(),
  dueOn: day.nullable(),
  goalId: id.nullable(),
  goal: z.string().nullable(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
});

export const metAtEventRowOutput = out({ contactId: id, contactName: z.string(), eventId: id, eventName: z.string(), eventDate: day });

export const dueContactOutput = out({
  id,
  name: z.string(),
  organisation: z.string().nullable(),
  networks: z.array(network),
  lastInteractionAt: instant.nullable(),
  nextDueOn: day,
  daysOverdue: z.number().int(),
});
