import { randomBytes } from 'node:crypto';
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];
type Write = typeof process.stdout.write;

// Colour only on a terminal, and never when NO_COLOR is set.
export const useColour = (stream: NodeJS.WriteStream = process.stdout): boolean => Boolean(stream.isTTY) && !process.env.NO_COLOR;

// Names, notes and whole imported files reach the terminal, and a terminal obeys the escape sequences in them
// (a new window title, a cleared screen, a rewritten clipboard). Everything the CLI prints passes one guard that
// shows control characters as text (\x1b). The only escapes that reach the terminal are the colours paint()
// adds: they travel marked with this process's own random token, which no stored text can contain.
const OWN_ESC = `\u{F8FF}${randomBytes(8).toString('hex')}\u{F8FF}`;
// C0 controls except tab and newline, DEL, and the C1 controls (U+009B is a one-character CSI to some terminals).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const escapeControl = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

export function terminalSafe(text: string): string {
  const escaped = text.replace(CONTROL, escapeControl);
  return escaped.includes(OWN_ESC) ? escaped.replaceAll(OWN_ESC, '\x1b') : escaped;
}

const styles = new Map<Style, [string, string]>();
function codesOf(style: Style): [string, string] {
  let codes = styles.get(style);
  if (!codes) {
    const [open = '', close = ''] = styleText(style, '\0').split('\0').map((code) => code.replaceAll('\x1b', OWN_ESC));
    codes = [open, close];
    styles.set(style, codes);
  }
  return codes;
}

export const paint = (style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string => {
  if (!useColour(stream)) return text;
  const [open, close] = codesOf(style);
  return `${open}${text}${close}`;
};

// Display width as the terminal will show it: colour codes take no room, an escaped control takes four.
const OWN_SGR = new RegExp(`${OWN_ESC}\\[[0-9;]*m`, 'g');
const visible = (s: string): number => [...s.replace(OWN_SGR, '').replace(CONTROL, escapeControl)].length;

const rawWrites = new Map<NodeJS.WriteStream, Write>();

// Installed once by runCli around a command: every string written to stdout and stderr goes through terminalSafe.
export function guardTerminalOutput(): () => void {
  const undo = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write;
    rawWrites.set(stream, write);
    stream.write = function guarded(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : chunk;
      return (write as (...args: unknown[]) => boolean).call(stream, typeof text === 'string' ? terminalSafe(text) : text, ...rest);
    } as Write;
    return () => {
      stream.write = write;
      rawWrites.delete(stream);
    };
  });
  return () => undo.forEach((u) => u());
}

// An export sent to a file or a pipe is the data itself, byte for byte; on a terminal it is guarded like the rest.
export function writeData(text: string, stream: NodeJS.WriteStream = process.stdout): void {
  const raw = rawWrites.get(stream);
  if (raw && !stream.isTTY) raw.call(stream, text);
  else stream.write(text);
}

// What a progress bar (cli-progress) draws with: its own cursor movements must reach the terminal unguarded.
export function unguardedTerminal(stream: NodeJS.WriteStream): Pick<NodeJS.WriteStream, 'isTTY' | 'columns' | 'write'> {
  const write = rawWrites.get(stream) ?? stream.write;
  return { isTTY: stream.isTTY, columns: stream.columns, write: ((...args: unknown[]) => (write as (...a: unknown[]) => boolean).apply(stream, args)) as Write };
}

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

// JSON already writes C0 controls as \u escapes; DEL and C1 are valid in JSON strings as they are, so they are
// written as \u escapes too (still the same JSON), leaving the guard nothing to change in JSON output.
export function printJson(value: unknown): void {
  const json = JSON.stringify(value, null, 2).replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  process.stdout.write(`${json}\n`);
}

export const dim = (text: string): string => paint('dim', text);
