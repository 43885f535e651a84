import { z } from 'zod';
import { TRIAGE_RULES } from '../../domain/triage.ts';
import { count, day, id, network, out } from './common.ts';

const suggestion = out({ network, connectionType: z.string().nullable(), rule: z.enum(TRIAGE_RULES), reason: z.string() });

const item = out({
  id,
  name: z.string(),
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  connectedOn: day.nullable(),
  suggestion,
  priority: z.string().nullable(),
  score: z.number(),
});

export const triagePageOutput = out({
  items: z.array(item),
  total: count,
  unsorted: count,
  limit: count,
  offset: count,
  byNetwork: out({ operational: count, personal: count, strategic: count }),
  // Only the rules that suggested someone.
  byRule: z.partialRecord(z.enum(TRIAGE_RULES), count),
}).meta({ id: 'TriagePage' });

export const triageSortOutput = out({ sorted: count, archived: count, ids: z.array(id) });
