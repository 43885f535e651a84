import { z } from 'zod';
import { hasTextControl, lineText, TEXT_LIMITS } from './limits.ts';
import { RapportError } from './errors.ts';
import { BUILT_IN_TEMPLATES } from './templates-builtin.ts';
import { OPTIONAL, PLACEHOLDER } from './templates-render.ts';

// DOMAIN.md §4: every networking message has these four parts, in this order.
export const TEMPLATE_PARTS = ['greeting', 'context', 'intent', 'closing'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

const PART_HINTS: Record<TemplatePart, string> = {
  greeting: 'e.g. "Hi {{firstName}},"',
  context: 'where you met or why you are writing',
  intent: 'what you would like: to learn, listen, meet or ask advice',
  closing: 'e.g. "Thanks and regards,\\n{{myName}}"',
};

// The placeholders the app knows how to fill from a contact, an event or your profile. Others are allowed
// (the user types the value when drafting) but are listed so the editor can point them out.
export const KNOWN_PLACEHOLDERS: Record<string, string> = {
  firstName: "the recipient's first name",
  myName: 'your name',
  myRole: 'your role, in a few words',
  eventName: 'the event or talk where you met',
  metWhere: 'where you met, read after "at": e.g. "the PyData meetup"',
  platform: 'where you connected online, e.g. LinkedIn',
  metWhen: 'when you met, e.g. "last Tuesday"',
  lastTopic: 'what you talked about last',
  lastExchange: 'your last conversation, read after "thinking back to": e.g. "our video call last week"',
  organisation: 'their organisation',
  title: 'their job title',
  theirWork: 'something of theirs, read after "your": e.g. "talk on data contracts"',
  topic: 'what you would like to learn about',
  goal: 'the goal you are working towards',
  achievement: 'their achievement or new role, e.g. "your new role at Acme"',
  articleTitle: 'the title of what you are sharing',
  articleLink: 'a link to it',
  offer: 'help you can offer',
  helpGiven: 'what they did for you',
  outcome: 'what came of their help',
  mutualContact: 'the person who suggested you get in touch',
  introTarget: 'the person you would like to be introduced to',
  otherName: 'the second person in an introduction',
  otherContext: 'the second person, read after "who": e.g. "led the audit at Beta"',
  theirContext: 'the first person, read after "who"',
  sharedCommunity: 'a community, association or alumni group you share',
  occasion: 'the day, as a subject: e.g. "Happy birthday!"',
  occasionPhrase: 'the day, read after "your": e.g. "birthday", "work anniversary"',
};


function syntaxProblem(text: string): string | null {
  const stray = /\{\{|\}\}/.exec(text.replace(PLACEHOLDER, ''));
  if (stray) return `has a malformed placeholder near ${JSON.stringify(text.slice(Math.max(0, stray.index - 10), stray.index + 12))}: write {{firstName}}`;
  for (const line of text.split('\n')) {
    if (/\[\[|\]\]/.test(line.replace(OPTIONAL, ''))) {
      return `has an unbalanced optional sentence in ${JSON.stringify(line)}: wrap it as [[ ... ]] on one line`;
    }
  }
  return null;
}

const templateText = (what: string, max: number, emptyMessage?: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be text`) })
    .trim()
    .min(emptyMessage ? 1 : 0, emptyMessage)
    .max(max, `${what} must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = syntaxProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
      if (hasTextControl(value)) ctx.addIssue({ code: 'custom', message: `${what} must not contain control characters other than tab and line breaks` });
    });

const part = (name: TemplatePart) =>
  templateText(`the ${name} part`, 2000, `the ${name} part cannot be empty: every message needs a ${name} (${PART_HINTS[name]})`);

export const templateKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'a template key is kebab-case: lowercase words joined by dashes, e.g. "board-intro"')
  .max(60, 'a template key is at most 60 characters');

export const templateSchema = z
  .object({
    key: templateKeySchema,
    name: lineText(TEXT_LIMITS.short).min(1, 'a template needs a name'),
    purpose: lineText(TEXT_LIMITS.line).default(''),
    // Empty means "use the name", so a quick user template still gets a subject line.
    subject: templateText('the subject', 200).default(''),
    // Whether drafts are usually the first written contact; the composer lints them with it.
    firstMessage: z.boolean().default(true),
    parts: z.object(
      { greeting: part('greeting'), context: part('context'), intent: part('intent'), closing: part('closing') },
      { error: (issue) => (issue.input === undefined ? 'a template needs its four parts: greeting, context, intent, closing' : 'parts must be an object') },
    ),
    // A note the recipient can forward unchanged (double opt-in introductions); quoted in the text.
    blurb: templateText('the blurb', 1500).nullish().transform((v) => (v ? v : null)),
  })
  .transform((t) => ({ ...t, subject: t.subject === '' ? t.name : t.subject }));
export type TemplateInput = z.input<typeof templateSchema>;
export type Template = z.output<typeof templateSchema>;

// Placeholder names in reading order, each once.
export function placeholdersOf(template: Template): string[] {
  const texts = [template.subject, template.parts.greeting, template.parts.context, template.parts.intent, template.blurb ?? '', template.parts.closing];
  const names = texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''));
  return [...new Set(names)];
}

export const unknownPlaceholdersOf = (template: Template): string[] =>
  placeholdersOf(template).filter((name) => !Object.hasOwn(KNOWN_PLACEHOLDERS, name));

// Validates a user-defined or edited template; unknown placeholders are reported, not rejected.
export function parseUserTemplate(input: unknown): { template: Template; placeholders: string[]; unknownPlaceholders: string[] } {
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'template', message: issue.message }));
    throw new RapportError('invalid', `template is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems });
  }
  const template = parsed.data;
  return { template, placeholders: placeholdersOf(template), unknownPlaceholders: unknownPlaceholdersOf(template) };
}

// A user template with a built-in's key replaces it, so built-ins can be edited without being lost.
export function allTemplates(custom: readonly Template[] = []): Template[] {
  const keys = new Set(custom.map((t) => t.key));
  return [...BUILT_IN_TEMPLATES.filter((t) => !keys.has(t.key)), ...custom];
}

export const findTemplate = (key: string, custom: readonly Template[] = []): Template | undefined =>
  allTemplates(custom).find((t) => t.key === key);

export { renderTemplate, type RenderedTemplate, type RenderOptions } from './templates-render.ts';
export { BUILT_IN_TEMPLATES } from './templates-builtin.ts';
