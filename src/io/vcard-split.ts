import { RapportError } from '../domain/errors.ts';

export interface RawCard {
  // 1-based line of BEGIN:VCARD.
  line: number;
  // Physical lines from BEGIN to END inclusive.
  lines: string[];
}

const isBegin = (l: string) => /^begin:vcard\s*$/i.test(l.trim());
const isEnd = (l: string) => /^end:vcard\s*$/i.test(l.trim());

// Cuts a file into cards by BEGIN/END so each card keeps its line number and a broken one names itself.
export function splitCards(text: string, file: string): { cards: RawCard[]; warnings: string[] } {
  // Any line ending (CRLF from a server, LF from the importer's own normalising, a lone CR): a CR left on a line
  // would ride into a value, or hide the "=" of a quoted-printable soft line break.
  const lines = text.split(/\r\n|\r|\n/);
  const cards: RawCard[] = [];
  const warnings: string[] = [];
  let current: RawCard | null = null;
  let strayLine: number | null = null;
  lines.forEach((line, i) => {
    if (current === null) {
      if (isBegin(line)) current = { line: i + 1, lines: [line] };
      else if (line.trim() !== '' && strayLine === null) strayLine = i + 1;
      return;
    }
    if (isBegin(line)) throw truncated(file, current.line, i + 1);
    current.lines.push(line);
    if (isEnd(line)) {
      cards.push(current);
      current = null;
    }
  });
  if (current !== null) throw truncated(file, (current as RawCard).line, null);
  if (cards.length === 0) throw new RapportError('invalid', `${file}: no BEGIN:VCARD found; this is not a vCard file`);
  if (strayLine !== null) warnings.push(`line ${strayLine}: text outside any vCard ignored`);
  return { cards, warnings };
}

function truncated(file: string, line: number, nextBegin: number | null): RapportError {
  const where = nextBegin === null ? 'the file ends first' : `another BEGIN:VCARD starts at line ${nextBegin}`;
  const message = `vCard begun here has no END:VCARD (${where}): the file looks truncated; nothing was imported`;
  return new RapportError('invalid', `${file} line ${line}: ${message}`, { problems: [{ path: `line ${line}`, message }] });
}
