// The LinkedIn benchmarks' file and baseline: a generated Connections.csv, and the hand-written import of it (csv-parse
// and prepared inserts, one transaction, no validation, no matching) that Rapport's import is measured against.
// `node <this, bundled> DB FILE` runs the bare import as a process of its own (bench/cli.bench.ts).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { normaliseLinkedInUrl, normaliseName } from '../../src/domain/contact.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Deterministic rows with the real file's shape: a few emails, companies shared by many, commas in some fields.
export function linkedInCsv(rows: number): string {
  const first = ['Ada', 'Grace', 'Alan', 'Katherine', 'Tim', 'Margaret', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Dr. Radia', 'Linus'];
  const last = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Berners-Lee', 'Hamilton', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Perlman', 'Torvalds 🔸'];
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const company = i % 17 === 0 ? `"Company ${i % 2500}, Inc."` : `Company ${i % 2500}`;
    const position = i % 11 === 0 ? '"Principal Consultant, Business Performance"' : `Engineer ${i % 40}`;
    const email = i % 9 === 0 ? `person${i}@example.org` : '';
    const day = `${String(1 + (i % 28)).padStart(2, '0')} ${MONTHS[i % 12]} ${2012 + (i % 13)}`;
    lines.push(`${first[i % first.length]},${last[(i * 7) % last.length]} ${i},https://www.linkedin.com/in/person-${i}-${(i * 2654435761) % 100000},${email},${company},${position},${day}`);
  }
  return `${lines.join('\n')}\n`;
}

// The hand-written import: the same rows, prepared statements, one transaction, no validation, no matching.
export function bareImport(dbPath: string, file: string): void {
  const raw = new SQLite(dbPath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  const text = readFileSync(file, 'utf8');
  const rows = parse(text, { from_line: 4, columns: true, relax_column_count: true }) as Record<string, string>[];
  const now = new Date().toISOString();
  const org = raw.prepare('insert into organisations (workspace_id, name, name_key, is_mine, created_at, updated_at) values (1, ?, ?, 0, ?, ?)');
  const contact = raw.prepare(`insert into contacts (workspace_id, name, name_key, given_name, family_name, organisation_id, title, networks, archived,
    last_interaction_at, next_due_on, created_at, updated_at) values (1, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)`);
  const email = raw.prepare('insert into contact_emails (workspace_id, contact_id, address, position) values (1, ?, ?, 0)');
  const link = raw.prepare('insert into contact_web_links (workspace_id, contact_id, url, url_key, label, position) values (1, ?, ?, ?, ?, 0)');
  const interaction = raw.prepare(`insert into interactions (workspace_id, occurred_at, kind, channel, value_flow, gratitude, created_at) values (1, ?, 'connected', 'social', 'none', 0, ?)`);
  const participant = raw.prepare('insert into interaction_participants (workspace_id, interaction_id, contact_id) values (1, ?, ?)');
  const search = raw.prepare('insert into contact_search (rowid, name, organisation, notes, interactions) values (?, ?, ?, ?, ?)');
  const orgIds = new Map<string, number>();
  raw.transaction(() => {
    for (const r of rows) {
      const name = `${r['First Name']} ${r['Last Name']}`.trim();
      const company = r.Company ?? '';
      const key = normaliseName(company);
      let orgId = orgIds.get(key) ?? null;
      if (orgId === null && company) orgIds.set(key, (orgId = Number(org.run(company, key, now, now).lastInsertRowid)));
      const [d, m, y] = (r['Connected On'] ?? '').split(' ');
      const at = `${y}-${String(MONTHS.indexOf(m!) + 1).padStart(2, '0')}-${d}T12:00:00.000Z`;
      const id = Number(contact.run(name, normaliseName(name), r['First Name'], r['Last Name'], orgId, r.Position, at, at.slice(0, 10), now, now).lastInsertRowid);
      if (r['Email Address']) email.run(id, r['Email Address'].toLowerCase());
      link.run(id, r.URL, normaliseLinkedInUrl(r.URL!), 'LinkedIn');
      participant.run(Number(interaction.run(at, now).lastInsertRowid), id);
      search.run(id, [name, r['Email Address']].filter(Boolean).join(' '), [company, r.Position].join(' '), '', '');
    }
  })();
  raw.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) bareImport(process.argv[2]!, process.argv[3]!);
