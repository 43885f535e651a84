import { z } from 'zod';
import { NETWORKS } from '../../domain/networks.ts';
import { TIE_BANDS } from '../../domain/tie-strength.ts';

// Output schemas describe what an operation returns, after JSON: dates are ISO strings, null where null really occurs.
// Objects are strict, so the output check in tests (RAPPORT_CHECK_OUTPUTS) fails when an operation returns a field
// its schema does not name, and the OpenAPI document never hides one.
export const out = z.strictObject;

export const id = z.number().int().positive();
export const count = z.number().int().min(0);
// "2026-12-07" (a day) and "2026-12-07T09:30:00.000Z" (an instant).
export const day = z.iso.date();
export const instant = z.iso.datetime({ offset: true });
export const network = z.enum(NETWORKS);
export const tieBand = z.enum(TIE_BANDS);
export const named = out({ id, name: z.string() });

export const pageOf = <T extends z.ZodType>(item: T) => out({ items: z.array(item), total: count, limit: count, offset: count });
