// The three ways a draft leaves Rapport: a mailto: link, an .eml file a mail client opens as a draft, or plain
// text for the clipboard. Pure, so the web app can build the same link and file.

export interface Recipient {
  name: string | null;
  address: string;
}

// CR or LF in a header value would let a subject inject headers (Bcc:); nothing legitimate needs them.
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();
const isPrintableAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
const crlf = (text: string): string => text.replace(/\r\n?|\n/g, '\r\n');

// RFC 6068: percent-encoded, line breaks as %0D%0A; "@" may stay readable in an address.
export function mailtoUrl(to: readonly string[], subject: string, text: string): string {
  const addresses = to.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',');
  const query = [`subject=${encodeURIComponent(oneLine(subject))}`, `body=${encodeURIComponent(crlf(text))}`];
  return `mailto:${addresses}?${query.join('&')}`;
}

// RFC 2047 encoded-words: 39 bytes make 64 characters, so even "Subject: " plus one stays within 76 (§2).
// Split on character boundaries so no UTF-8 sequence is cut in two.
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  const flush = () => {
    if (chunk) words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    chunk = '';
  };
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 39) flush();
    chunk += ch;
  }
  flush();
  return words;
}

// Folds at spaces so no line passes 78 characters where it can be helped (RFC 5322 §2.2.3).
function foldHeader(name: string, tokens: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > 78 && line !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += ` ${token}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

const textHeader = (name: string, value: string): string => {
  const v = oneLine(value);
  return foldHeader(name, isPrintableAscii(v) ? v.split(/ +/).filter(Boolean) : encodedWords(v));
};

function mailbox(r: Recipient): string {
  const name = r.name ? oneLine(r.name) : '';
  if (!name) return r.address;
  if (!isPrintableAscii(name)) return `${encodedWords(name).join(' ')} <${r.address}>`;
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name)) return `${name} <${r.address}>`;
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${r.address}>`;
}

const rfc5322Date = (at: Date): string => at.toUTCString().replace(/GMT$/, '+0000');

// Quoted-printable (RFC 2045 §6.7) per hard line: lines of at most 76 characters, soft breaks never inside =XX.
export function quotedPrintable(text: string): string {
  return text.split('\n').map((line) => {
    const bytes = Buffer.from(line, 'utf8');
    const tokens = [...bytes].map((b, i) => {
      const trailingSpace = (b === 0x20 || b === 0x09) && i === bytes.length - 1;
      const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 0x20 || b === 0x09) && !trailingSpace);
      return literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    });
    const out: string[] = [];
    let current = '';
    for (const token of tokens) {
      if (current.length + token.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += token;
    }
    out.push(current);
    return out.join('\r\n');
  }).join('\r\n');
}

export interface EmlInput {
  to: readonly Recipient[];
  from?: Recipient | null;
  subject: string;
  text: string;
  date: Date;
}

// An RFC 5322 message a mail client opens ready to send (X-Unsent: 1 asks Outlook to treat it as a draft).
export function emlMessage(input: EmlInput): string {
  const body = input.text.replace(/\r\n?/g, '\n');
  const plain = body.split('\n').every((line) => isPrintableAscii(line.replace(/\t/g, ' ')) && line.length <= 998);
  const headers = [
    ...(input.from ? [foldHeader('From', [mailbox(input.from)])] : []),
    ...(input.to.length ? [foldHeader('To', input.to.map((r, i) => mailbox(r) + (i < input.to.length - 1 ? ',' : '')))] : []),
    textHeader('Subject', input.subject),
    `Date: ${rfc5322Date(input.date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${plain ? '7bit' : 'quoted-printable'}`,
    'X-Unsent: 1',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${plain ? crlf(body) : quotedPrintable(body)}\r\n`;
}

export function emlFileName(contactName: string, day: string): string {
  const slug = contactName.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${day}-${slug || 'message'}.eml`;
}
