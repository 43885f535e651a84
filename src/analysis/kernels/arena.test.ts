import { describe, expect, it } from 'vitest';
import { Arena } from './arena.ts';

describe('Arena', () => {
  it('hands out aligned, disjoint arrays in any order from one buffer', () => {
    const arena = new Arena(3, 5, 3);
    const small = arena.uint8(3);
    const ints = arena.int32(2);
    const floats = arena.float64(3);
    const more = arena.int32(3);
    expect(new Set([small.buffer, ints.buffer, floats.buffer, more.buffer]).size).toBe(1);
    floats.fill(1.5);
    ints.fill(-1);
    more.fill(7);
    small.fill(255);
    expect(Array.from(floats)).toEqual([1.5, 1.5, 1.5]);
    expect(Array.from(ints)).toEqual([-1, -1]);
    expect(Array.from(more)).toEqual([7, 7, 7]);
  });

  it('refuses more than was reserved for a type', () => {
    const arena = new Arena(2, 2);
    arena.float64(1);
    expect(() => arena.float64(2)).toThrow(RangeError);
    expect(() => arena.int32(3)).toThrow(RangeError);
    expect(() => arena.uint8(1)).toThrow(RangeError);
  });
});
