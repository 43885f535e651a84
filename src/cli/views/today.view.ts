import type { TodaySection, TodayView } from '../../services/today.service.ts';
import { occasionPhrase } from '../../domain/important-dates.ts';
import { dim, paint, table } from '../output.ts';

const nets = (n: readonly string[]) => (n.length ? n.join('+') : 'no network');

// The sections in Today's fixed order; each short, with the command that shows the rest in the same order.
export function renderToday(v: TodayView): string {
  const out: string[] = [paint('bold', `Today, ${v.today}`)];
  const section = (key: TodaySection, title: string, total: number, rows: string[][], empty: string) => {
    if (v.section !== null && v.section !== key) return;
    out.push('', paint('bold', `${title} (${total})`));
    out.push(rows.length ? table(rows) : dim(`  ${empty}`));
    if (v.section === null && total > rows.length) out.push(dim(`  … ${total - rows.length} more, most overdue first: rapport today --show ${key}`));
  };
  section('follow-ups', 'Follow-ups', v.followUpsTotal, v.followUps.map((f) => [
    `  ${f.dueOn < v.today ? paint('red', f.dueOn) : f.dueOn}`, `#${f.contactId}`, f.contactName, dim(f.reason),
  ]), 'nothing to follow up');
  section('actions', 'Actions due', v.actionsTotal, v.actions.map((a) => [
    `  ${a.dueOn && a.dueOn < v.today ? paint('red', a.dueOn) : a.dueOn ?? ''}`, a.kind, a.description, dim(a.contactName ?? ''), dim(a.goal ? `goal: ${a.goal}` : ''),
  ]), 'no actions due');
  section('met-at-events', 'Met at recent events, not followed up', v.metAtEventsTotal, v.metAtEvents.map((m) => [
    `  ${m.eventDate}`, `#${m.contactId}`, m.contactName, dim(`at ${m.eventName}`),
  ]), 'everyone you met has heard from you');
  section('keep-in-touch', 'Keep in touch', v.keepInTouchTotal, [...v.overdue, ...v.dueThisWeek].map((c) => [
    `  ${c.daysOverdue > 0 ? paint('red', `${c.daysOverdue}d late`) : `due ${c.nextDueOn}`}`, `#${c.id}`, c.name, c.organisation ?? '', dim(nets(c.networks)),
    dim(c.lastInteractionAt ? `last ${c.lastInteractionAt.slice(0, 10)}` : 'never met'),
  ]), 'no one due this week');
  if (v.section === null) {
    out.push('', paint('bold', `Dates in the next ${v.datesAheadDays} days (${v.dates.length})`));
    out.push(v.dates.length ? v.dates.map((d) => [
      table([[`  ${d.on}`, d.daysAway === 0 ? 'today' : d.daysAway === 1 ? 'tomorrow' : `in ${d.daysAway}d`, `#${d.contactId}`, d.contactName, dim(occasionPhrase(d))]]),
      ...(d.draft ? [dim(`    draft: ${d.draft.subject}`)] : []),
    ].join('\n')).join('\n') : dim('  no birthdays or dates coming up'));
  }
  return out.join('\n');
}
