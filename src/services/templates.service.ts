import { z } from 'zod';
import { RapportError } from '../domain/errors.ts';
import {
  BUILT_IN_TEMPLATES, allTemplates, parseUserTemplate, placeholdersOf, templateKeySchema, templateSchema, unknownPlaceholdersOf, type Template,
} from '../domain/templates.ts';
import { deleteStoredTemplate, listStoredTemplates, upsertStoredTemplate } from '../store/repositories/templates.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation } from './operation.ts';
import { templateDeleteOutput, templateEntryOutput, templateSaveOutput } from './schemas/outreach.ts';

// 'edited' is a user template saved under a built-in's key: it wins until deleted, then the built-in is back.
export type TemplateOrigin = 'built-in' | 'custom' | 'edited';
export interface TemplateEntry extends Template {
  origin: TemplateOrigin;
  placeholders: string[];
  // Placeholders Rapport cannot fill from your data: the composer asks for them (values, or --set on the CLI).
  unknownPlaceholders: string[];
}

const BUILT_IN_KEYS = new Set(BUILT_IN_TEMPLATES.map((t) => t.key));

// A stored definition that no longer passes the domain schema is left out rather than breaking every draft;
// saving it again under the same key repairs it.
export async function loadCustomTemplates(store: Store): Promise<Template[]> {
  const stored = await listStoredTemplates(store);
  return stored.flatMap((s) => {
    const parsed = templateSchema.safeParse(s.definition);
    return parsed.success && parsed.data.key === s.key ? [parsed.data] : [];
  });
}

function entryOf(template: Template, customKeys: ReadonlySet<string>): TemplateEntry {
  const origin: TemplateOrigin = !customKeys.has(template.key) ? 'built-in' : BUILT_IN_KEYS.has(template.key) ? 'edited' : 'custom';
  return { ...template, origin, placeholders: placeholdersOf(template), unknownPlaceholders: unknownPlaceholdersOf(template) };
}

export async function listTemplates(store: Store): Promise<TemplateEntry[]> {
  const custom = await loadCustomTemplates(store);
  const keys = new Set(custom.map((t) => t.key));
  return allTemplates(custom).map((t) => entryOf(t, keys));
}

export async function templateOrThrow(store: Store, key: string, path = 'template'): Promise<TemplateEntry> {
  return pickTemplate(await listTemplates(store), key, path);
}

export function pickTemplate(all: readonly TemplateEntry[], key: string, path = 'template'): TemplateEntry {
  const found = all.find((t) => t.key === key);
  if (found) return found;
  throw new RapportError('not_found', `${path}: no template ${JSON.stringify(key)}; known templates: ${all.map((t) => t.key).join(', ')}`, {
    problems: [{ path, message: 'no such template', value: key }],
  });
}

export const templateList = defineOperation({
  name: 'template.list',
  summary: 'Message templates: the built-in four-part ones and yours (a template of yours with a built-in key replaces it)',
  effect: 'read',
  input: z.object({}),
  output: z.array(templateEntryOutput),
  http: { method: 'get', path: '/templates' },
  run: ({ store }) => listTemplates(store),
});

export const templateGet = defineOperation({
  name: 'template.get',
  summary: 'One message template with its placeholders',
  effect: 'read',
  input: z.object({ key: templateKeySchema }),
  output: templateEntryOutput,
  http: { method: 'get', path: '/templates/{key}' },
  run: ({ store }, { key }) => templateOrThrow(store, key, 'key'),
});

export const templateSave = defineOperation({
  name: 'template.save',
  summary: 'Add a template or replace one (saving under a built-in key edits that built-in; deleting it restores the original)',
  effect: 'write',
  input: templateSchema,
  output: templateSaveOutput,
  http: { method: 'post', path: '/templates' },
  run: async ({ store, clock }, input): Promise<{ template: TemplateEntry; warnings: string[] }> => {
    const { template, unknownPlaceholders } = parseUserTemplate(input);
    await upsertStoredTemplate(store, template.key, template, clock.now().toISOString());
    const warnings = unknownPlaceholders.map(
      (name) => `{{${name}}} is not a placeholder Rapport fills from your data: give its value when drafting (values.${name}, or --set ${name}=...)`,
    );
    return { template: await templateOrThrow(store, template.key), warnings };
  },
});

export const templateDelete = defineOperation({
  name: 'template.delete',
  summary: 'Delete a template of yours; deleting your edit of a built-in brings the built-in back',
  effect: 'write',
  input: z.object({ key: templateKeySchema }),
  output: templateDeleteOutput,
  http: { method: 'delete', path: '/templates/{key}' },
  run: async ({ store }, { key }): Promise<{ deleted: string; restoredBuiltIn: boolean }> => {
    if (await deleteStoredTemplate(store, key)) return { deleted: key, restoredBuiltIn: BUILT_IN_KEYS.has(key) };
    if (BUILT_IN_KEYS.has(key)) {
      throw new RapportError('invalid', `key: ${JSON.stringify(key)} is a built-in template and cannot be deleted; save a template with this key to change it`, {
        problems: [{ path: 'key', message: 'built-in templates cannot be deleted', value: key }],
      });
    }
    throw new RapportError('not_found', `key: no template of yours is called ${JSON.stringify(key)}`, {
      problems: [{ path: 'key', message: 'no such template', value: key }],
    });
  },
});
