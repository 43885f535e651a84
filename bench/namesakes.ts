// A seeded LinkedIn Connections.csv in which hundreds of people share a name (often with no company) but never a
// profile URL, and a few rows repeat a person (same URL): it must import as exactly as many contacts as it has
// distinct URLs. Shared by the matching test (small) and the lossless benchmark (30,000 rows).
import { mulberry32 } from '../src/domain/random.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function namesakesCsv(rows: number, seed = 13): { csv: string; distinctUrls: number; sharedNames: number } {
  const random = mulberry32(seed);
  const first = ['Ada', 'Grace', 'Alan', 'Katherine', 'Tim', 'Margaret', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Radia', 'Linus', 'Marie', 'Pierre'];
  const last = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Berners-Lee', 'Hamilton', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Perlman', 'Torvalds', 'Curie'];
  const lines = ['Notes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  const people: string[] = [];
  const names = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    // One row in a hundred is a person already listed (LinkedIn lists nobody twice, but joined files do).
    if (people.length > 0 && random() < 0.01) { lines.push(people[Math.floor(random() * people.length)]!); continue; }
    // About one person in five has a common a name with someone else: the two have different profiles.
    const common = random() < 0.2;
    const given = first[Math.floor(random() * first.length)]!;
    const family = common ? last[Math.floor(random() * last.length)]! : `${last[Math.floor(random() * last.length)]}-${i}`;
    const name = `${given} ${family}`;
    names.set(name, (names.get(name) ?? 0) + 1);
    const company = common && random() < 0.6 ? '' : `Company ${Math.floor(random() * 2500)}`;
    const email = random() < 0.1 ? `person${i}@example.org` : '';
    const day = `${String(1 + Math.floor(random() * 28)).padStart(2, '0')} ${MONTHS[Math.floor(random() * 12)]} ${2012 + Math.floor(random() * 13)}`;
    const row = `${given},${family},https://www.linkedin.com/in/${given.toLowerCase()}-${family.toLowerCase()}-${i.toString(36)},${email},${company},Engineer,${day}`;
    people.push(row);
    lines.push(row);
  }
  const sharedNames = [...names.values()].filter((n) => n > 1).reduce((s, n) => s + n, 0);
  return { csv: `${lines.join('\n')}\n`, distinctUrls: people.length, sharedNames };
}
