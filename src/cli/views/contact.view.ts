import { addressLine, formatDay } from '../../domain/card.ts';
import type { Contact } from '../../domain/contact.ts';
import type { Interaction } from '../../domain/entities.ts';
import type { ContactSummary } from '../../store/repositories/contact-list.repository.ts';
import { dim, paint, table } from '../output.ts';

// What surrounds a person beyond their own record: the goals they serve, where they belong, whom they know.
export interface ContactAround {
  goals: { id: number; description: string; kind: string; status: string }[];
  communities: { id: number; name: string; kind: string }[];
  links: { id: number; name: string; strength: number | null; note: string | null }[];
  linksTotal: number;
}

export function renderContact(c: Contact, timeline: readonly Interaction[], today: string, around?: ContactAround): string {
  const due = c.nextDueOn === null ? dim('none: unsorted (see `rapport triage`)') : c.nextDueOn < today ? paint('red', `${c.nextDueOn} (overdue)`) : c.nextDueOn;
  const lines: [string, string][] = [
    ['networks', c.networks.length ? c.networks.join(', ') : dim('none yet')],
    ['connection type', c.connectionType ?? dim('—')],
    ['organisation', [c.title, c.organisation].filter(Boolean).join(' at ') || dim('—')],
    ['inside my organisation', c.insideOrganisation === null ? dim('unknown') : c.insideOrganisation ? 'yes' : 'no'],
    ['cadence', `every ${c.effectiveCadenceDays} days${c.cadenceDays ? ' (own)' : ''}`],
    ['next due', due],
    ['last conversation', c.lastInteractionAt?.slice(0, 10) ?? dim('never')],
  ];
  if (c.emails.length) lines.push(['email', c.emails.map((e) => e.address).join(', ')]);
  if (c.phones.length) lines.push(['phone', c.phones.map((p) => p.number).join(', ')]);
  if (c.webLinks.length) lines.push(['web', c.webLinks.map((l) => l.url).join(', ')]);
  if (c.location) lines.push(['location', c.location]);
  if (c.birthday) lines.push(['birthday', c.birthday]);
  const card = c.card;
  if (card?.nickname) lines.push(['nickname', card.nickname]);
  const fullName = [card?.namePrefix, c.givenName, card?.middleName, c.familyName, card?.nameSuffix].filter(Boolean).join(' ');
  if (card && (card.namePrefix || card.middleName || card.nameSuffix)) lines.push(['full name', fullName]);
  if (card?.organisationUnit) lines.push(['unit', card.organisationUnit]);
  for (const a of card?.addresses ?? []) lines.push([`address${a.label ? ` (${a.label})` : ''}`, addressLine(a)]);
  for (const d of card?.dates ?? []) lines.push([d.label ?? d.kind, formatDay(d)]);
  if (card?.properties.length) lines.push(['other card fields', dim(`${card.properties.length} kept for export`)]);
  if (c.metHow || c.metWhere) lines.push(['met', [c.metHow, c.metWhere].filter(Boolean).join(' — ')]);
  if (c.tags.length) lines.push(['tags', c.tags.join(', ')]);
  if (c.archived) lines.push(['archived', 'yes']);
  const out = [paint('bold', `${c.name}  #${c.id}`), table(lines.map(([k, v]) => [`  ${dim(k)}`, v]))];
  if (c.notes) out.push('', paint('bold', 'Notes'), c.notes.split('\n').map((l) => `  ${l}`).join('\n'));
  if (around) {
    out.push('', paint('bold', `Goals (${around.goals.length})`));
    out.push(around.goals.length ? table(around.goals.map((g) => [`  #${g.id}`, g.description, dim(g.kind), dim(g.status)])) : dim('  not linked to a goal'));
    out.push('', paint('bold', `Communities (${around.communities.length})`));
    out.push(around.communities.length ? table(around.communities.map((m) => [`  #${m.id}`, m.name, dim(m.kind)])) : dim('  in no community you track'));
    out.push('', paint('bold', `Knows (${around.linksTotal})`));
    out.push(around.links.length ? table(around.links.map((l) => [`  #${l.id}`, l.name, dim(l.strength === null ? '' : `strength ${l.strength}`), dim(l.note ?? '')])) : dim('  no links recorded: `rapport link A B`'));
    if (around.linksTotal > around.links.length) out.push(dim(`  … and ${around.linksTotal - around.links.length} more: rapport links ${c.id}`));
  }
  out.push('', paint('bold', `Timeline (${timeline.length} most recent)`));
  out.push(timeline.length ? table(timeline.map((i) => [
    `  ${i.occurredAt.slice(0, 10)}`, i.kind, dim(i.channel), i.summary ?? '',
    i.value !== 'none' ? dim(`value ${i.value}${i.valueNote ? `: ${i.valueNote}` : ''}`) : '', i.gratitude ? dim('thanked') : '',
  ])) : dim('  no interactions yet'));
  return out.join('\n');
}

export function renderContactList(items: readonly ContactSummary[], today: string): string {
  if (items.length === 0) return dim('no contacts');
  return table(items.map((c) => [
    `#${c.id}`, c.name, c.organisation ?? '', dim(c.networks.join('+') || '—'), dim(c.connectionType ?? ''),
    c.nextDueOn === null ? dim('unsorted') : c.nextDueOn < today ? paint('red', c.nextDueOn) : c.nextDueOn,
  ]), ['id', 'name', 'organisation', 'networks', 'type', 'next due']);
}
