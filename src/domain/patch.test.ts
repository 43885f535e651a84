import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchSchema } from './patch.ts';

describe('patchSchema', () => {
  const schema = z.object({ status: z.enum(['open', 'done']).default('open'), ids: z.array(z.number()).default([]), name: z.string() });

  it('leaves fields that were not given absent instead of filling in their defaults', () => {
    expect(patchSchema(schema).parse({})).toEqual({});
    expect(patchSchema(schema).parse({ status: 'done' })).toEqual({ status: 'done' });
  });

  it('still validates the fields that were given', () => {
    expect(patchSchema(schema).safeParse({ status: 'maybe' }).success).toBe(false);
  });
});
