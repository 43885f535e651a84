import type { OpenApiDocument } from './openapi.ts';
import type { JsonSchema } from './schemas.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

// A short human reading of a JSON Schema: "integer ≥ 1", "one of: a, b", "array of string".
function typeText(schema: JsonSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return 'any';
  if (Array.isArray(schema.enum)) return `one of: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeText).join(' or ');
  if (Array.isArray(schema.allOf)) return (schema.allOf as JsonSchema[]).map(typeText).join(' and ');
  if (schema.type === 'array') return `array of ${typeText(schema.items as JsonSchema | undefined)}`;
  const bits = [Array.isArray(schema.type) ? schema.type.join(' or ') : String(schema.type ?? 'object')];
  if (typeof schema.minimum === 'number') bits.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') bits.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number' && schema.maximum < 1e15) bits.push(`≤ ${schema.maximum}`);
  if (typeof schema.maxLength === 'number') bits.push(`up to ${schema.maxLength} chars`);
  if (schema.format) bits.push(String(schema.format));
  return bits.join(' ');
}

function fieldRows(fields: [string, JsonSchema, boolean, string][]): string {
  if (fields.length === 0) return '<p class="none">No input.</p>';
  const rows = fields.map(([name, schema, required, where]) => {
    const dflt = schema.default === undefined ? '' : ` <span class="default">default ${escapeHtml(JSON.stringify(schema.default))}</span>`;
    const desc = typeof schema.description === 'string' ? `<br><span class="desc">${escapeHtml(schema.description)}</span>` : '';
    return `<tr><td><code>${escapeHtml(name)}</code>${required ? ' <span class="req">required</span>' : ''}</td><td>${where}</td><td>${escapeHtml(typeText(schema))}${dflt}${desc}</td></tr>`;
  });
  return `<table><thead><tr><th scope="col">Field</th><th scope="col">In</th><th scope="col">Type</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function operationSection(path: string, method: string, op: JsonSchema): string {
  const fields: [string, JsonSchema, boolean, string][] = [];
  for (const p of (op.parameters as JsonSchema[] | undefined) ?? []) fields.push([String(p.name), p.schema as JsonSchema, p.required === true, String(p.in)]);
  const body = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema;
  const required = new Set((body?.required as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries((body?.properties as Record<string, JsonSchema> | undefined) ?? {})) fields.push([name, schema, required.has(name), 'body']);
  const id = String(op.operationId);
  return `<section class="op" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h">
<h3 id="${escapeHtml(id)}-h"><span class="method ${method}">${method.toUpperCase()}</span> <code>/api${escapeHtml(path)}</code></h3>
<p><strong>${escapeHtml(id)}</strong> (${escapeHtml(String(op['x-rapport-effect']))}): ${escapeHtml(String(op.summary ?? ''))}</p>
${fieldRows(fields)}
</section>`;
}

// Server-rendered from the OpenAPI document: no script, no CDN, readable without JavaScript.
export function docsPage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op.tags as string[] | undefined) ?? ['other'])[0]!;
      const list = byTag.get(tag) ?? [];
      list.push(operationSection(path, method, op));
      byTag.set(tag, list);
      toc.push(`<li><a href="#${escapeHtml(String(op.operationId))}">${escapeHtml(String(op.operationId))}</a></li>`);
    }
  }
  const groups = [...byTag.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, sections]) => `<section class="tag"><h2>${escapeHtml(tag)}</h2>${sections.join('\n')}</section>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport API</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><header><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>${escapeHtml(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}). Calendar feed: <a href="/calendar.ics">/calendar.ics</a>.</p></header>
<nav aria-label="Operations"><ul>${toc.sort().join('')}</ul></nav>
<main>${groups.join('\n')}</main></body></html>`;
}

export const DOCS_CSS = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #5a6272; --bg: #fbfbfa; --line: #dfe2e7; --accent: #2c5d8f; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8ec; --muted: #a3aab8; --bg: #15181e; --line: #303642; --accent: #8fb8e6; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; display: grid; grid-template-columns: 16rem 1fr; }
header { grid-column: 1 / -1; padding: 1rem 2rem; border-bottom: 1px solid var(--line); }
header small { color: var(--muted); font-weight: normal; font-size: 0.6em; }
nav { padding: 1rem; border-right: 1px solid var(--line); font-size: 0.9em; }
nav ul { list-style: none; padding: 0; margin: 0; position: sticky; top: 1rem; }
main { padding: 1rem 2rem; min-width: 0; }
a { color: var(--accent); }
.op { border-bottom: 1px solid var(--line); padding: 0.5rem 0 1rem; }
.method { display: inline-block; min-width: 4.5em; font-size: 0.8em; font-weight: 600; text-align: center; border-radius: 4px; padding: 0 0.4em; border: 1px solid currentColor; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.req { color: #a23c3c; font-size: 0.8em; } .default, .desc, .none { color: var(--muted); }
@media (max-width: 700px) { body { display: block; } nav { border: 0; } }
`;
