import type { Template, TemplatePart } from './templates.ts';

// Kept here rather than in templates.ts so this module has no runtime import of it (no cycle at load).
export const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
// An optional stretch of text: dropped whole when any placeholder in it has no value.
export const OPTIONAL = /\[\[([^\n]*?)\]\]/g;

export interface RenderOptions {
  // How a placeholder without a value shows in the draft. Never blank: the draft must be flagged, not sent.
  missingMarker?: (name: string) => string;
}

export interface RenderedTemplate {
  subject: string;
  // Greeting, context, intent, the quoted blurb if any, closing: blank lines between.
  text: string;
  parts: Record<TemplatePart, string>;
  blurb: string | null;
  // Placeholders with no value, in reading order; each is left visible in the text as a marker.
  missing: string[];
}

type Values = Record<string, string | null | undefined>;

const defaultMarker = (name: string): string => `[${name}?]`;

function valueOf(values: Values, name: string): string | null {
  const value = Object.hasOwn(values, name) ? values[name] : undefined;
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function renderText(source: string, values: Values, marker: (name: string) => string, missing: Set<string>): string {
  const lines = source.split('\n').flatMap((line) => {
    let dropped = false;
    const kept = line.replace(OPTIONAL, (_all, inner: string) => {
      const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
      if (names.every((name) => valueOf(values, name) !== null)) return inner;
      dropped = true;
      return '';
    });
    // One pass over the source, so a value that itself contains "{{x}}" is never expanded.
    const filled = kept.replace(PLACEHOLDER, (_all, name: string) => {
      const value = valueOf(values, name);
      if (value !== null) return value;
      missing.add(name);
      return marker(name);
    });
    if (!dropped) return [filled.trimEnd()];
    // Tidy the seam a dropped stretch leaves ("at  the", "event ."), and drop a line left empty.
    const tidy = filled.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.;:!?])/g, '$1').trim();
    return tidy === '' ? [] : [tidy];
  });
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function renderTemplate(template: Template, values: Values, options: RenderOptions = {}): RenderedTemplate {
  const marker = options.missingMarker ?? defaultMarker;
  const missing = new Set<string>();
  const render = (source: string) => renderText(source, values, marker, missing);

  // Rendered in reading order so `missing` lists placeholders as the reader meets them.
  const subject = render(template.subject);
  const greeting = render(template.parts.greeting);
  const context = render(template.parts.context);
  const intent = render(template.parts.intent);
  const blurb = template.blurb === null ? null : render(template.blurb);
  const closing = render(template.parts.closing);

  const quoted = blurb ? blurb.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n') : '';
  const text = [greeting, context, intent, quoted, closing].filter((section) => section !== '').join('\n\n');
  return { subject, text, parts: { greeting, context, intent, closing }, blurb: blurb || null, missing: [...missing] };
}
