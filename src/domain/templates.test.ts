import { describe, expect, it } from 'vitest';
import { RapportError } from './errors.ts';
import { lintMessage } from './message-lint.ts';
import { wordSpans } from './message-lint-text.ts';
import {
  BUILT_IN_TEMPLATES,
  allTemplates,
  findTemplate,
  parseUserTemplate,
  placeholdersOf,
  renderTemplate,
  templateSchema,
  unknownPlaceholdersOf,
  type Template,
  type TemplateInput,
} from './templates.ts';

const BUILT_IN_KEYS = [
  'event-follow-up', 'thanks-after-connecting', 'informational-interview', 'coffee-request', 'reconnect',
  'congratulations', 'occasion', 'share-or-offer-help', 'thanks-for-help', 'introduction-request', 'introduce-two-contacts',
  'first-contact',
];

// Plausible values for every placeholder the built-ins use, as the composer would fill them.
const FULL_VALUES: Record<string, string> = {
  firstName: 'Ana',
  myName: 'Sam Rivera',
  myRole: 'a data engineer at Northwind',
  eventName: 'PyData London',
  metWhen: 'last Thursday',
  metWhere: 'the PyData meetup',
  platform: 'LinkedIn',
  lastTopic: 'data contracts between teams',
  lastExchange: 'our video call last week',
  organisation: 'Acme',
  title: 'Head of Data',
  theirWork: 'talk on data contracts',
  topic: 'data platform leadership',
  goal: 'a move into engineering management',
  achievement: 'your new role as Head of Data at Acme',
  articleTitle: 'Data Contracts in Practice',
  articleLink: 'https://example.org/data-contracts',
  offer: 'share the checklist we use for schema reviews',
  helpGiven: 'the hour you spent on our migration plan',
  outcome: 'the cut-over went live without a single rollback',
  mutualContact: 'Priya Shah',
  introTarget: 'Jordan Lee',
  otherName: 'Jordan',
  otherContext: 'led the SOC 2 audit at Beta last year',
  theirContext: 'is about to start one at Acme',
  sharedCommunity: 'the Women in Data association',
  occasion: 'Happy birthday!',
  occasionPhrase: '40th birthday',
};

const template = (key: string): Template => {
  const found = findTemplate(key);
  if (!found) throw new Error(`no built-in template ${key}`);
  return found;
};

const userTemplate = (overrides: Partial<TemplateInput> = {}): TemplateInput => ({
  key: 'board-intro',
  name: 'Board introduction',
  parts: { greeting: 'Hi {{firstName}},', context: 'We met at {{eventName}}.', intent: 'Would you be open to a short call?', closing: 'Best,\n{{myName}}' },
  ...overrides,
});

describe('built-in templates', () => {
  it('has the twelve templates, each valid under the user-template schema', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.key)).toEqual(BUILT_IN_KEYS);
    for (const t of BUILT_IN_TEMPLATES) expect(templateSchema.parse(t)).toEqual(t);
  });

  it('uses only placeholders the app knows how to fill', () => {
    for (const t of BUILT_IN_TEMPLATES) expect(unknownPlaceholdersOf(t)).toEqual([]);
  });

  // firstMessage is true for notes that open a written exchange (follow-up, thanks for connecting,
  // informational interview, coffee request) and false for notes to people you already know (a dormant tie,
  // congratulations, sharing, thanks, introductions): that is the context the composer lints with.
  it.each(BUILT_IN_KEYS)('%s renders with full values to a draft that lints clean', (key) => {
    const t = template(key);
    const rendered = renderTemplate(t, FULL_VALUES);
    expect(rendered.missing).toEqual([]);
    expect(rendered.text).not.toMatch(/\{\{|\[\[|\?\]/);
    expect(lintMessage(rendered.text, { firstMessage: t.firstMessage, recipientName: 'Ana Costa' })).toEqual([]);
    expect(wordSpans(rendered.text).length).toBeLessThan(130);
    expect(rendered.subject).not.toBe('');
  });

  it('never asks for a job, even when checked as a first message', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const rules = lintMessage(renderTemplate(t, FULL_VALUES).text, { firstMessage: true }).map((f) => f.rule);
      expect(rules, t.key).not.toContain('asks-for-job');
    }
  });

  it('still lints clean when every optional detail is unknown', () => {
    const { sharedCommunity: _c, platform: _p, offer: _o, outcome: _u, metWhen: _w, lastTopic: _l, organisation: _g, title: _t, ...required } = FULL_VALUES;
    for (const t of BUILT_IN_TEMPLATES) {
      const rendered = renderTemplate(t, required);
      expect(rendered.missing, t.key).toEqual([]);
      expect(lintMessage(rendered.text, { firstMessage: t.firstMessage }), t.key).toEqual([]);
    }
  });

  it('keeps the introduction blurb separate, and quotes it in the text for forwarding', () => {
    const rendered = renderTemplate(template('introduction-request'), FULL_VALUES);
    expect(rendered.blurb).toMatch(/^Sam Rivera \(a data engineer at Northwind\) is working towards/);
    expect(rendered.text).toContain(`> ${rendered.blurb ?? ''}`);
    expect(rendered.parts.intent).toMatch(/comfortable/);
    expect(renderTemplate(template('coffee-request'), FULL_VALUES).blurb).toBeNull();
  });
});

describe('renderTemplate', () => {
  it('leaves a missing value visible as a marker and lists it, so the draft cannot go out blank', () => {
    const { firstName: _f, eventName: _e, ...values } = FULL_VALUES;
    const rendered = renderTemplate(template('event-follow-up'), values);
    expect(rendered.missing).toEqual(['eventName', 'firstName']);
    expect(rendered.parts.greeting).toBe('Hi [firstName?],');
    expect(rendered.text).toContain('meet you at [eventName?] last Thursday.');
    const blocking = lintMessage(rendered.text).filter((f) => f.rule === 'unfilled-placeholder');
    expect(blocking.map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('treats blank and whitespace values as missing', () => {
    const rendered = renderTemplate(template('event-follow-up'), { ...FULL_VALUES, firstName: '  ', eventName: null });
    expect(rendered.missing).toEqual(['eventName', 'firstName']);
    expect(rendered.subject).toBe('Good to meet you at [eventName?]');
  });

  it('drops an optional sentence when any of its values is missing, and keeps it otherwise', () => {
    const t = template('event-follow-up');
    const withCommunity = renderTemplate(t, FULL_VALUES).parts.context;
    const without = renderTemplate(t, { ...FULL_VALUES, sharedCommunity: undefined });
    expect(withCommunity).toContain('a fellow member of the Women in Data association.');
    expect(without.parts.context).toBe(
      'It was good to meet you at PyData London last Thursday. Our conversation about data contracts between teams has stayed with me.',
    );
    expect(without.missing).toEqual([]);
  });

  it('drops a whole optional line without leaving a gap', () => {
    const t = templateSchema.parse(userTemplate({
      parts: { greeting: 'Hi {{firstName}},', context: 'We met at {{eventName}}.\n[[We are both in {{sharedCommunity}}.]]\nIt was fun.', intent: 'Coffee soon?', closing: 'Best' },
    }));
    expect(renderTemplate(t, { firstName: 'Ana', eventName: 'PyData' }).parts.context).toBe('We met at PyData.\nIt was fun.');
  });

  it('never expands placeholders inside a value', () => {
    const rendered = renderTemplate(template('event-follow-up'), { ...FULL_VALUES, lastTopic: 'templating with {{myName}}' });
    expect(rendered.text).toContain('about templating with {{myName}} has');
  });

  it('lets the caller choose the marker', () => {
    const rendered = renderTemplate(template('reconnect'), {}, { missingMarker: (name) => `<<${name}>>` });
    expect(rendered.parts.greeting).toBe('Hi <<firstName>>,');
  });
});

describe('placeholdersOf', () => {
  it('lists each placeholder once, in reading order, including the subject and the blurb', () => {
    expect(placeholdersOf(template('introduction-request'))).toEqual(['introTarget', 'firstName', 'topic', 'goal', 'myName', 'myRole']);
  });
});

describe('user templates', () => {
  it('accepts a template and lists its unknown placeholders rather than rejecting them', () => {
    const parsed = parseUserTemplate(userTemplate({ parts: { ...userTemplate().parts, context: 'We met at {{eventName}} in {{city}}.' } }));
    expect(parsed.placeholders).toEqual(['firstName', 'eventName', 'city', 'myName']);
    expect(parsed.unknownPlaceholders).toEqual(['city']);
    expect(parsed.template.subject).toBe('Board introduction');
    expect(parsed.template.firstMessage).toBe(true);
  });

  it('rejects an empty part with a message naming the part', () => {
    const input = userTemplate({ parts: { ...userTemplate().parts, context: '   ' } });
    expect(() => parseUserTemplate(input)).toThrow(RapportError);
    try {
      parseUserTemplate(input);
    } catch (error) {
      expect(error).toBeInstanceOf(RapportError);
      const problems = (error as RapportError).problems;
      expect(problems).toEqual([{ path: 'parts.context', message: expect.stringMatching(/^the context part cannot be empty/) }]);
    }
  });

  it('rejects a missing part, a bad key and malformed placeholders', () => {
    const { closing: _closing, ...threeParts } = userTemplate().parts;
    expect(() => templateSchema.parse({ ...userTemplate(), parts: threeParts })).toThrow(/the closing part is required/);
    expect(() => parseUserTemplate(userTemplate({ key: 'Board Intro' }))).toThrow(/kebab-case/);
    expect(() => parseUserTemplate(userTemplate({ parts: { ...userTemplate().parts, greeting: 'Hi {{first name}},' } }))).toThrow(/malformed placeholder/);
    expect(() => parseUserTemplate(userTemplate({ parts: { ...userTemplate().parts, intent: '[[Coffee at {{place}}?' } }))).toThrow(/unbalanced optional/);
  });

  it('lets a user template with a built-in key replace that built-in', () => {
    const edited = templateSchema.parse(userTemplate({ key: 'reconnect', name: 'My reconnect' }));
    expect(findTemplate('reconnect', [edited])?.name).toBe('My reconnect');
    expect(allTemplates([edited])).toHaveLength(BUILT_IN_TEMPLATES.length);
  });
});
