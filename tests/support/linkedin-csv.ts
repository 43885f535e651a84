// A LinkedIn "Connections.csv" export of any size: distinct people, some with an email, 300 companies.
const HEADER = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n';

export function bigLinkedIn(rows: number, offset = 0): string {
  const lines: string[] = [];
  for (let i = offset; i < offset + rows; i++) lines.push(`Person${i},Family${i % 997},https://www.linkedin.com/in/p-${i},${i % 5 === 0 ? `p${i}@example.org` : ''},Company ${i % 300},Role ${i % 40},${String(1 + (i % 28)).padStart(2, '0')} Mar 2022`);
  return HEADER + lines.join('\n') + '\n';
}
