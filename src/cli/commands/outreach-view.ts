import { InvalidArgumentError } from 'commander';
import type { DraftFinding } from '../../services/drafts-lint.ts';
import type { ComposedDraft } from '../../services/drafts.service.ts';
import type { OutreachItem } from '../../services/outreach.service.ts';
import type { TemplateEntry } from '../../services/templates.service.ts';
import { dim, paint, table } from '../output.ts';

// --set name=value, repeatable: values for placeholders Rapport cannot fill itself.
export function collectValue(pair: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = pair.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`expected name=value, e.g. topic="data platforms", got ${JSON.stringify(pair)}`);
  return { ...previous, [pair.slice(0, at).trim()]: pair.slice(at + 1) };
}

export function renderFindings(findings: readonly DraftFinding[]): string {
  if (findings.length === 0) return paint('green', '✓ no mistakes found');
  return findings.map((f) => {
    const label = f.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
    return `${label} ${paint('bold', f.rule)}: ${f.message}\n        ${dim(`→ ${f.suggestion}`)}`;
  }).join('\n');
}

// Where a value is better set once than passed every time.
const HINTS: Record<string, string> = { myName: 'your name: set it once with `rapport settings set --my-name "..."`' };

export function renderDraft(d: ComposedDraft): string {
  const out = [
    dim(`To: ${d.to.length ? d.to.join(', ') : `${d.contactName} (no email address)`}`),
    `${dim('Subject:')} ${d.subject}`,
    '',
    d.text,
    '',
    dim('─'.repeat(40)),
    dim(`${d.modeText} (--mode first|ongoing to change; template ${d.template})`),
    renderFindings(d.findings),
  ];
  if (d.missing.length) {
    out.push('', paint('bold', 'Fill in before sending (rerun with --set name=value):'));
    out.push(table(d.missing.map((name) => [`  ${name}`, dim(HINTS[name] ?? d.hints[name] ?? 'a value of your own')])));
  }
  return out.join('\n');
}

export function renderTemplates(entries: readonly TemplateEntry[]): string {
  return table(
    entries.map((e) => [e.key, e.origin === 'built-in' ? dim(e.origin) : paint('cyan', e.origin), e.name, dim(e.placeholders.join(', '))]),
    ['key', 'origin', 'name', 'placeholders'],
  );
}

export function renderTemplate(e: TemplateEntry): string {
  const lines = [
    `${paint('bold', e.name)} ${dim(`(${e.key}, ${e.origin}${e.firstMessage ? ', usually a first message' : ''})`)}`,
    dim(e.purpose),
    '',
    `${dim('Subject:')} ${e.subject}`,
    '',
    ...(['greeting', 'context', 'intent', 'closing'] as const).map((p) => `${dim(`${p}:`.padEnd(10))}${e.parts[p].replace(/\n/g, '\n          ')}`),
  ];
  if (e.blurb) lines.push(`${dim('blurb:'.padEnd(10))}${e.blurb}`);
  if (e.unknownPlaceholders.length) lines.push('', dim(`asks you for: ${e.unknownPlaceholders.join(', ')}`));
  return lines.join('\n');
}

export function renderOutreach(items: readonly OutreachItem[], full: boolean): string {
  if (items.length === 0) return dim('No one to write to today.');
  return items.map((i) => {
    const head = `${paint('bold', i.contactName)} ${dim(`#${i.contactId}`)}  ${i.why}`;
    const todo = i.draft.missing.length ? paint('yellow', `fill in: ${i.draft.missing.join(', ')}`) : paint('green', 'ready to send');
    const event = i.eventId !== null && i.template === 'event-follow-up' ? ` --event ${i.eventId}` : '';
    const sets = i.draft.missing.map((name) => ` --set ${name}=…`).join('');
    const how = dim(`rapport send ${i.contactId} -t ${i.template}${event}${sets} --via clipboard`);
    const lines = [head, `  ${i.template}: "${i.draft.subject}"  ${todo}`, `  ${how}`];
    if (full) lines.push('', i.draft.text.replace(/^(?=.)/gm, '    '));
    return lines.join('\n');
  }).join('\n\n');
}
