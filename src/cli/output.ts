import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

// Colour only on a terminal, and never when NO_COLOR is set.
export const useColour = (stream: NodeJS.WriteStream = process.stdout): boolean => Boolean(stream.isTTY) && !process.env.NO_COLOR;

export const paint = (style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string =>
  useColour(stream) ? styleText(style, text) : text;

// Display width that ignores ANSI codes, so coloured cells still align.
const visible = (s: string): number => [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;

export function table(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const all = header ? [header, ...rows] : [...rows];
  if (all.length === 0) return '';
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, visible(cell)); });
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell)))).join('  ').trimEnd();
  const out = all.map(line);
  if (header) out.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  if (header) out[0] = paint('bold', out[0]!);
  return out.join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export const dim = (text: string): string => paint('dim', text);
