import { z } from 'zod';

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
export type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

// zod's .partial() keeps .default(): a patch leaving out `status` would silently reset it to 'open'.
// A patch schema must leave absent fields absent, so defaults are stripped before making them optional.
export function patchSchema<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const f = field as z.ZodType;
    shape[key] = (f instanceof z.ZodDefault ? (f.unwrap() as z.ZodType) : f).optional();
  }
  return z.object(shape) as unknown as z.ZodObject<PatchShape<S>>;
}
