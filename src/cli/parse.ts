import { InvalidArgumentError } from 'commander';

// Commander option parsers: repeatable values and integers, with messages naming the value.
export const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function integer(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`not a whole number: ${JSON.stringify(value)}`);
  return Number(value);
}

// `today`, `yesterday`, `3d ago`, or a date; the operation validates the result.
export function dayWord(value: string, now: Date = new Date()): string {
  const v = value.trim().toLowerCase();
  // Far beyond any calendar ("in 9999999999d") the word is passed on as typed, for the operation to refuse by name.
  const day = (offset: number) => {
    const d = new Date(now.getTime() + offset * 86_400_000);
    return Number.isNaN(d.getTime()) ? value.trim() : d.toISOString().slice(0, 10);
  };
  if (v === 'today' || v === 'now') return v === 'now' ? now.toISOString() : day(0);
  if (v === 'yesterday') return day(-1);
  if (v === 'tomorrow') return day(1);
  const ago = /^(\d+)\s*d(ays?)?\s*ago$/.exec(v);
  if (ago) return day(-Number(ago[1]));
  const ahead = /^in\s*(\d+)\s*d(ays?)?$/.exec(v);
  if (ahead) return day(Number(ahead[1]));
  return value.trim();
}
