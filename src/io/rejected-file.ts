import type { RejectedRow } from './import-record.ts';

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

// The rejected rows as a file of the same kind, to fix and import again: CSV rows keep their columns and gain a
// "Rejected Because" column (which an import ignores); vCards keep their text and gain an X-RAPPORT-REJECTED line.
export function rejectedFile(header: string | null, rows: readonly RejectedRow[]): { suffix: string; content: string } {
  if (header === null) {
    const cards = rows.map((r) => r.raw.replace(/\n?END:VCARD\s*$/i, `\nX-RAPPORT-REJECTED:${r.reason.replace(/[\\,;]/g, '\\$&').replace(/\n/g, '\\n')}\nEND:VCARD`));
    return { suffix: '.rejected.vcf', content: `${cards.join('\r\n').replace(/\r?\n/g, '\r\n')}\r\n` };
  }
  const lines = [`${header},${quote('Rejected Because')}`, ...rows.map((r) => `${r.raw},${quote(`line ${r.line}: ${r.reason}`)}`)];
  return { suffix: '.rejected.csv', content: `${lines.join('\n')}\n` };
}
