// What a digest holds, and how it reads as plain text, HTML and a short push: one set of sections for every channel.
export const DIGEST_SECTIONS = ['follow-ups', 'keep-in-touch', 'dates', 'actions', 'events'] as const;
export type DigestSectionKey = (typeof DIGEST_SECTIONS)[number];

export interface DigestEntry {
  who: string | null;
  what: string;
  when: string | null;
  // Into the web app: the contact, the goal, the event.
  link: string;
  draft: { subject: string; text: string } | null;
}

export interface DigestSection {
  key: DigestSectionKey;
  title: string;
  // All there are; `entries` shows the first few (the link at the top opens the rest).
  total: number;
  entries: DigestEntry[];
}

export interface Digest {
  day: string;
  title: string;
  link: string;
  sections: DigestSection[];
  // Number of things in all sections: a digest with none says so rather than arrive empty.
  count: number;
}

export function digestTitle(day: string, count: number): string {
  return `Rapport: ${count === 0 ? 'nothing due' : `${count} thing${count === 1 ? '' : 's'} to do`} (${day})`;
}

export function digestText(d: Digest, unsubscribe: string | null = null): string {
  const lines = [d.title, '', `Open Rapport: ${d.link}`, ''];
  if (d.count === 0) lines.push('Nothing is due. Enjoy the day.', '');
  for (const s of d.sections) {
    if (s.total === 0) continue;
    lines.push(`${s.title} (${s.total})`, '-'.repeat(s.title.length + String(s.total).length + 3));
    for (const e of s.entries) {
      lines.push(`* ${[e.who, e.what].filter(Boolean).join(': ')}${e.when ? ` (${e.when})` : ''}`, `  ${e.link}`);
      if (e.draft) lines.push('  Draft:', ...`Subject: ${e.draft.subject}\n\n${e.draft.text}`.split('\n').map((l) => (l ? `  > ${l}` : '  >')));
    }
    if (s.total > s.entries.length) lines.push(`  … and ${s.total - s.entries.length} more in Rapport`);
    lines.push('');
  }
  if (unsubscribe) lines.push('--', `Stop these emails: ${unsubscribe}`);
  return lines.join('\n');
}

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function digestHtml(d: Digest, unsubscribe: string | null = null): string {
  const parts = [`<!doctype html><html><body style="font-family:sans-serif;max-width:40em">`, `<h1 style="font-size:1.3em">${esc(d.title)}</h1>`,
    `<p><a href="${esc(d.link)}">Open Rapport</a></p>`];
  if (d.count === 0) parts.push('<p>Nothing is due. Enjoy the day.</p>');
  for (const s of d.sections) {
    if (s.total === 0) continue;
    parts.push(`<h2 style="font-size:1.1em">${esc(s.title)} (${s.total})</h2><ul>`);
    for (const e of s.entries) {
      const label = [e.who ? `<strong>${esc(e.who)}</strong>` : null, esc(e.what)].filter(Boolean).join(': ');
      const draft = e.draft
        ? `<details><summary>Draft</summary><p><em>${esc(e.draft.subject)}</em></p><pre style="white-space:pre-wrap;font-family:inherit">${esc(e.draft.text)}</pre></details>`
        : '';
      parts.push(`<li><a href="${esc(e.link)}">${label}</a>${e.when ? ` (${esc(e.when)})` : ''}${draft}</li>`);
    }
    parts.push('</ul>');
    if (s.total > s.entries.length) parts.push(`<p>… and ${s.total - s.entries.length} more in Rapport</p>`);
  }
  if (unsubscribe) parts.push(`<hr><p style="font-size:.85em"><a href="${esc(unsubscribe)}">Stop these emails</a></p>`);
  parts.push('</body></html>');
  return parts.join('\n');
}

// A push notification is a few lines: the count per section, most pressing first.
export function digestPush(d: Digest): string {
  if (d.count === 0) return 'Nothing is due today.';
  return d.sections.filter((s) => s.total > 0).map((s) => `${s.title}: ${s.total}${s.entries[0]?.who ? ` (${s.entries.slice(0, 3).map((e) => e.who).join(', ')}${s.total > 3 ? ', …' : ''})` : ''}`).join('\n');
}
