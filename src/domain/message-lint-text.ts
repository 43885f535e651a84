// Text helpers for the message checker: where the greeting, body and sign-off are, and pattern spans.
export interface Span {
  start: number;
  end: number;
}

export interface ParsedMessage {
  text: string;
  // The salutation up to its comma ("Hi Ana", "Dear Dr. Costa"), and the name it uses ("" when it names no one).
  greeting: Span | null;
  greetingName: string | null;
  // The sign-off line ("Thanks and regards,"); what follows it is the signature.
  closing: Span | null;
  // Between the greeting and the sign-off: what the length and pronoun rules measure.
  body: Span;
}

const GREETING = /^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening|day))\b[ \t]*((?:(?:dr|mr|mrs|ms|mx|prof)\.[ \t]*)?[^\n,!:;.]*)/i;
const CLOSING =
  /^(?:thanks|thank you|many thanks|with thanks|best|all the best|regards|kind regards|warm regards|best regards|warmly|cheers|sincerely|yours|with gratitude|gratefully|respectfully|take care|talk soon|speak soon)\b/i;
// A sign-off is short; a long line starting "Thanks for..." is body text, not a closing.
const MAX_CLOSING_WORDS = 8;
// Only the last few lines can hold a sign-off (the closing, a name, perhaps a title).
const CLOSING_WINDOW = 3;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

interface Line extends Span {
  text: string;
}

function nonEmptyLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') lines.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    start += raw.length + 1;
  }
  return lines;
}

export function wordSpans(text: string, within: Span = { start: 0, end: text.length }): Span[] {
  const slice = text.slice(within.start, within.end);
  return [...slice.matchAll(WORD)].map((m) => ({ start: within.start + m.index, end: within.start + m.index + m[0].length }));
}

export function parseMessage(text: string): ParsedMessage {
  const lines = nonEmptyLines(text);
  const first = lines[0];
  const greetingMatch = first ? GREETING.exec(first.text) : null;
  const greeting = first && greetingMatch ? { start: first.start, end: first.start + greetingMatch[0].trimEnd().length } : null;
  const greetingName = greetingMatch ? (greetingMatch[1] ?? '').trim() : null;

  let closing: Span | null = null;
  const tail = lines.slice(Math.max(lines.length - CLOSING_WINDOW, greeting ? 1 : 0));
  for (const line of tail) {
    if (CLOSING.test(line.text) && wordSpans(line.text).length <= MAX_CLOSING_WORDS) closing = { start: line.start, end: line.end };
  }

  const bodyStart = greeting ? greeting.end : 0;
  const bodyEnd = closing ? closing.start : text.length;
  return { text, greeting, greetingName, closing, body: { start: bodyStart, end: Math.max(bodyStart, bodyEnd) } };
}

// Every match of any pattern, sorted, overlapping matches merged, so each offending phrase is reported once.
export function findAll(text: string, patterns: readonly RegExp[]): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(global)) {
      if (m[0].length > 0) spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export const matchesAny = (text: string, patterns: readonly RegExp[]): boolean => patterns.some((p) => p.test(text));

// Curly apostrophes are common in pasted email text; rules compare on the straight form.
export const straightenQuotes = (text: string): string => text.replace(/[‘’]/g, "'");
