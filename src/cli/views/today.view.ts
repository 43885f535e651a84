import type { TodayView } from '../../services/today.service.ts';
import { dim, paint, table } from '../output.ts';

const nets = (n: readonly string[]) => (n.length ? n.join('+') : 'no network');

export function renderToday(v: TodayView): string {
  const out: string[] = [paint('bold', `Today, ${v.today}`)];
  const section = (title: string, rows: string[][], empty: string) => {
    out.push('', paint('bold', title));
    out.push(rows.length ? table(rows) : dim(`  ${empty}`));
  };
  section(`Follow-ups (${v.followUps.length})`, v.followUps.map((f) => [
    `  ${f.dueOn < v.today ? paint('red', f.dueOn) : f.dueOn}`, `#${f.contactId}`, f.contactName, dim(f.reason),
  ]), 'nothing to follow up');
  section(`Overdue keep-in-touch (${v.overdue.length})`, v.overdue.map((c) => [
    `  ${paint('red', `${c.daysOverdue}d late`)}`, `#${c.id}`, c.name, c.organisation ?? '', dim(nets(c.networks)),
    dim(c.lastInteractionAt ? `last ${c.lastInteractionAt.slice(0, 10)}` : 'never met'),
  ]), 'no one overdue');
  section(`Due this week (${v.dueThisWeek.length})`, v.dueThisWeek.map((c) => [
    `  ${c.nextDueOn}`, `#${c.id}`, c.name, c.organisation ?? '', dim(nets(c.networks)),
  ]), 'no one due this week');
  section(`Actions due (${v.actions.length})`, v.actions.map((a) => [
    `  ${a.dueOn ?? ''}`, a.kind, a.description, dim(a.contactName ?? ''), dim(a.goal ? `goal: ${a.goal}` : ''),
  ]), 'no actions due');
  section(`Met at recent events, not followed up (${v.metAtEvents.length})`, v.metAtEvents.map((m) => [
    `  ${m.eventDate}`, `#${m.contactId}`, m.contactName, dim(`at ${m.eventName}`),
  ]), 'everyone you met has heard from you');
  const shown = v.overdue.length + v.dueThisWeek.length;
  if (v.keepInTouchTotal > shown) out.push('', dim(`… and ${v.keepInTouchTotal - shown} more due: \`rapport due\``));
  return out.join('\n');
}
