import type { PersonRef, NetworkReport } from '../../analysis/report.ts';
import { describeBridgeFreshness } from '../../domain/bridge-freshness.ts';
import { TIE_BANDS_SUMMARY } from '../../domain/tie-band-explain.ts';
import type { BridgesRankResult } from '../../services/bridges.service.ts';
import type { IntroResult } from '../../services/network-intro.service.ts';
import { dim, paint, table } from '../output.ts';

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
const num = (x: number | null, digits = 2): string => (x === null ? '–' : x.toFixed(digits));
const who = (p: { name: string; organisation: string | null }): string => (p.organisation ? `${p.name} (${p.organisation})` : p.name);
const months = (days: number): string => (days < 60 ? `${days} days` : `${Math.round(days / 30)} months`);
const bar = (count: number, max: number, width = 30): string => '█'.repeat(max === 0 ? 0 : Math.round((count / max) * width));

function section(out: string[], title: string): void {
  out.push('', paint('bold', title));
}

export function renderReport(r: NetworkReport, now: Date = new Date()): string {
  const out = [paint('bold', `Your network on ${r.generatedOn}`) + dim(` · ${r.situationLabel.toLowerCase()} · ${r.totals.contacts} contacts, ${r.totals.links} links between them, ${r.totals.interactions} interactions`)];
  const b = r.balance;
  section(out, 'Balance against your situation');
  out.push(table(b.networks.map((n) => [
    `  ${n.network}`, String(n.count), pct(n.share), dim(`target ${pct(n.target)}`),
    n.status === 'under' ? paint('red', `under by ${Math.round(-n.gap * 100)} points`) : n.status === 'over' ? `over by ${Math.round(n.gap * 100)} points` : paint('green', 'on target'),
  ]), ['  network', 'people', 'share', 'target', '']));
  if (b.unassigned > 0) out.push(dim(`  ${b.unassigned} contacts are in no network yet`));
  out.push(`  inside my organisation ${b.inside.inside} · outside ${b.inside.outside} · unknown ${b.inside.unknown} (${pct(b.inside.insideShare)} inside)`);
  const diversity = (label: string, d: NetworkReport['balance']['organisations']) =>
    `${label} ${num(d.blau)} (${d.distinct} different${d.top ? `, largest ${d.top.name} ${pct(d.top.share)}` : ''})`;
  out.push(`  diversity (Blau index, 0 = all alike): ${diversity('organisations', b.organisations)} · ${diversity('industries', b.industries)}`);

  section(out, 'Tie strength');
  out.push(`  strong ${b.bands.strong} · medium ${b.bands.medium} · weak ${b.bands.weak} · dormant ${b.bands.dormant}` + dim(`  (mean ${r.strength.mean}, median ${r.strength.median}; see docs/tie-strength.md)`));
  out.push(dim(`  ${TIE_BANDS_SUMMARY}`));
  const max = Math.max(...r.strength.histogram);
  out.push(table(r.strength.histogram.map((c, i) => [`  ${i * 10}–${i === 9 ? 100 : i * 10 + 9}`, bar(c, max), String(c)])));
  for (const layer of r.dunbar) {
    const people = layer.people.length > 0 ? layer.people.map((p: PersonRef) => `${p.name} ${p.strength}`).join(', ') : `${layer.filled} people, mean strength ${Math.round(layer.meanStrength)}`;
    out.push(`  Dunbar layer ${layer.fromRank}–${layer.toRank}: ${layer.filled === 0 ? dim('nobody yet') : people}`);
  }

  section(out, `Dormant ties worth reviving (${r.dormant.total})`);
  out.push(r.dormant.top.length === 0 ? dim('  none: every tie that mattered is still warm') : table(r.dormant.top.slice(0, 10).map((d) => [
    `  ${d.value}`, `#${d.contactId}`, who(d), String(d.peak), months(d.daysSinceLast), dim(d.reasons.slice(1).join('; ')),
  ]), ['  value', 'id', 'who', 'peak', 'quiet', 'why']));

  const rc = r.reciprocity;
  section(out, 'Reciprocity');
  out.push(`  overall: you gave ${rc.overall.given} · received ${rc.overall.received} · exchanged ${rc.overall.mutual} · thanked ${rc.overall.gratitude} times`);
  const list = (label: string, entries: typeof rc.youTakeFrom, cell: (e: (typeof rc.youTakeFrom)[number]) => string) =>
    out.push(`  ${label}: ${entries.length === 0 ? dim('nobody') : entries.map((e) => `${e.name} ${dim(cell(e))}`).join(', ')}`);
  list('you only take from', rc.youTakeFrom, (e) => `(received ${e.received})`);
  list('you only give to', rc.youGiveTo, (e) => `(gave ${e.given})`);
  list('helped you, no thanks on record', rc.unthanked, (e) => `(received ${e.received})`);

  const s = r.structure;
  section(out, 'Structure');
  // Only real ties (a conversation or a link) count: docs/ego-network.md.
  out.push(s.me.degree === 0
    ? '  you: no real ties yet (log a conversation or record who knows whom), so no constraint or effective size'
    : `  you: effective size ${num(s.me.effectiveSize, 1)} over ${s.me.degree} real ties (efficiency ${num(s.me.efficiency)}), constraint ${num(s.me.constraint, 3)}`);
  out.push(dim(`  ${s.isolated} contacts know nobody else you know`));
  out.push('  brokers (least constrained, know several of your clusters):');
  out.push(table(s.brokers.slice(0, 5).map((p) => [`    ${who(p)}`, `constraint ${num(p.constraint, 3)}`, `effective size ${num(p.effectiveSize, 1)} of ${p.degree}`, dim(`${p.band} ${p.strength}`)])));
  out.push(`  bridges (highest betweenness): ${bridgeCertainty(s.betweenness, now)}`);
  out.push(table(s.bridges.slice(0, 5).map((p, i) => [`    ${who(p)}`, `betweenness ${i < s.betweenness.settled ? '' : '≈'}${Math.round(p.betweenness)}`, dim(`${p.band} ${p.strength}`)])));
  out.push(`  clusters (Louvain, modularity ${num(s.modularity)}; ${s.communityCount} with two or more people):`);
  out.push(table(s.communities.slice(0, 8).map((c) => [`    ${c.size}`, c.label, dim(`${c.labelKind}, ${pct(c.share)} of them`), dim(c.people.slice(0, 3).map((p) => p.name).join(', '))])));

  section(out, 'Advice');
  if (r.advice.length === 0) out.push(dim('  nothing stands out: add contacts, networks and links and the report will have more to say'));
  r.advice.forEach((a, i) => out.push(`  ${i + 1}. ${a.text}`));
  return out.join('\n');
}

// How sure and how fresh the bridge ranking is, in words (docs/bridges.md).
export function bridgeCertainty(b: NetworkReport['structure']['betweenness'], now: Date = new Date()): string {
  return describeBridgeFreshness(b, now);
}

export function renderBridges(r: BridgesRankResult): string {
  const out = [paint('bold', `Bridges among your ${r.contacts.toLocaleString('en')} contacts and ${r.links.toLocaleString('en')} links`) + dim(` · exact betweenness, ${r.reused ? 'already computed' : `computed in ${r.seconds} s`} on ${r.computedAt.slice(0, 16).replace('T', ' ')} UTC`)];
  if (r.top.length === 0) out.push(dim('  nobody lies between two of your contacts yet: record who knows whom (`rapport link`)'));
  else out.push(table(r.top.map((p, i) => [`  ${i + 1}.`, p.name, `betweenness ${Math.round(p.betweenness)}`])));
  out.push(r.kept === 'read-only' ? dim('The database is read-only, so this ranking was not kept: reports will estimate again.') : dim('Kept: reports use this ranking until your links change; after a change it is recomputed in the background.'));
  return out.join('\n');
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function renderIntro(r: IntroResult): string {
  const t = r.target;
  const what = t.kind === 'contact' ? who(t) : `anyone at ${t.name} (${t.members ?? 0} in your network)`;
  const out = [paint('bold', `Warm introductions to ${what}`) + dim(` · best ${r.k} by ${r.by === 'hops' ? 'fewest introductions' : 'tie strength'}`)];
  if (r.note) out.push(dim(r.note));
  const eg = r.equallyGood;
  if (eg.count > 1) {
    const names = r.askFirst.slice(0, 10).map((a) => `${a.name} (${plural(a.paths, 'path')})`).join(', ');
    const others = r.askFirst.length > 10 ? `, and ${r.askFirst.length - 10} others` : '';
    const whom = r.askFirst.length === 1 ? `ask ${names}` : `ask one of these ${r.askFirst.length} people: ${names}${others}`;
    out.push(`${eg.count.toLocaleString('en')} equally good paths; ${whom}`);
  }
  r.paths.forEach((p, i) => {
    const tied = r.paths.some((q, j) => j !== i && q.rank === p.rank) ? dim(' (tied)') : '';
    out.push('', `${paint('bold', `${p.rank}.`)} ${['you', ...p.people.map((x) => x.name)].join(' → ')}${tied}`);
    out.push(`   ${p.reason}`);
    out.push(`   ${paint('green', 'First step:')} ${p.firstStep}`);
  });
  if (eg.more > 0) out.push('', dim(`… and ${eg.more.toLocaleString('en')} more equally good paths through the same people (listed by name; shown ${eg.shown} of ${eg.count.toLocaleString('en')})`));
  return out.join('\n');
}
