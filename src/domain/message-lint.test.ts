import { describe, expect, it } from 'vitest';
import { LINT_RULE_NAMES, LINT_RULES, lintMessage, type LintContext, type RuleName } from './message-lint.ts';

// Seed 004's two example emails, verbatim (curly apostrophes and trailing spaces included).
const SEED_EXAMPLE_1 = `Hi Gaurav,

I hope you’re having a great day!

It was very exciting to meet you at the organization level talk last week. Our conversation generated great interest in me about the trends in content marketing. I really look forward to meeting you again and discussing more the same in detail. 

I am looking forward to hearing from you.

Thanks and regards,
`;

const SEED_EXAMPLE_2 = `Hello Avinash,

Thank you for connecting with me on LinkedIn yesterday. It’s such a pleasure to connect with you.

I saw your article published about creative content writing trends. It really proposed some great insights. I was wondering if I could listen to our thoughts on trends in creative content writing. 

I am looking forward to connecting with you.

Thanks and regards,
`;

const CONTEXT_LINE = 'It was good to meet you at the PyData meetup last week. Our chat about data contracts has stayed with me.';
const ASK_LINE = 'Would you be open to a 20-minute call next week?';

// A clean note with one piece swapped out, so each case shows exactly what trips a rule.
function note(parts: { greeting?: string; body?: string; closing?: string } = {}): string {
  const greeting = parts.greeting ?? 'Hi Ana,';
  const body = parts.body ?? `${CONTEXT_LINE}\n\n${ASK_LINE}`;
  const closing = parts.closing ?? 'Thanks and regards,\nSam';
  return [greeting, body, closing].filter((p) => p !== '').join('\n\n');
}

const rulesOf = (text: string, context?: LintContext): RuleName[] => lintMessage(text, context).map((f) => f.rule);
const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

// Every rule: one draft that makes the mistake, one that avoids it.
const CASES: Record<RuleName, { bad: string; good: string }> = {
  'unfilled-placeholder': { bad: note({ greeting: 'Hi {{firstName}},' }), good: note() },
  'asks-for-job': {
    bad: note({ body: `${CONTEXT_LINE}\n\nAre there any openings on your team? Could you refer me for the data engineer role?` }),
    good: note({ body: `${CONTEXT_LINE}\n\nWould you be open to a 20-minute informational interview next week?` }),
  },
  'talks-about-self': {
    bad: note({
      body: `${CONTEXT_LINE} I am a data engineer and I have built my own platform. My team loves my work and I think I am ready to grow. ${ASK_LINE}`,
    }),
    good: note(),
  },
  'no-context': {
    bad: note({ body: 'I work in data engineering. Would you be open to a 20-minute call?' }),
    good: note(),
  },
  'no-clear-ask': {
    bad: note({ body: `${CONTEXT_LINE} Talk soon, hopefully.` }),
    good: note(),
  },
  'empty-flattery': {
    bad: note({ body: `We met at the PyData meetup last week. I am a huge fan, you are so inspiring. ${ASK_LINE}` }),
    good: note({ body: `We met at the PyData meetup last week. Your talk on data contracts was so inspiring. ${ASK_LINE}` }),
  },
  'too-long': {
    bad: note({ body: `${CONTEXT_LINE} ${ASK_LINE} ${words(140)}` }),
    good: note({ body: `${CONTEXT_LINE} ${ASK_LINE} ${words(100)}` }),
  },
  'missing-greeting': { bad: note({ greeting: '' }), good: note() },
  'missing-closing': { bad: note({ closing: '' }), good: note() },
};

describe('lintMessage', () => {
  it('passes both example emails of seed 004', () => {
    expect(lintMessage(SEED_EXAMPLE_1)).toEqual([]);
    expect(lintMessage(SEED_EXAMPLE_2)).toEqual([]);
  });

  it('passes the clean base note used by the cases below', () => {
    expect(lintMessage(note(), { recipientName: 'Ana Costa' })).toEqual([]);
  });

  it.each(LINT_RULE_NAMES)('%s: catches the mistake and lets the fix through', (rule) => {
    const { bad, good } = CASES[rule];
    expect(rulesOf(bad)).toContain(rule);
    expect(rulesOf(good)).not.toContain(rule);
  });

  it('gives every finding the rule severity, a plain explanation and a fix', () => {
    for (const rule of LINT_RULE_NAMES) {
      const found = lintMessage(CASES[rule].bad).find((f) => f.rule === rule);
      expect(found).toMatchObject({ severity: LINT_RULES[rule].severity, explanation: LINT_RULES[rule].explanation });
      expect(found?.message.length).toBeGreaterThan(10);
      expect(found?.suggestion.length).toBeGreaterThan(10);
    }
  });
});

describe('unfilled-placeholder', () => {
  it('is an error and points at each placeholder left in the text', () => {
    const text = note({ body: `${CONTEXT_LINE} I loved [Company]'s launch and [firstName?]'s demo.\n\n${ASK_LINE}` });
    const found = lintMessage(text).filter((f) => f.rule === 'unfilled-placeholder');
    expect(found.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(found.map((f) => (f.span ? text.slice(f.span.start, f.span.end) : null))).toEqual(['[Company]', '[firstName?]']);
  });
  it('leaves links and citations alone', () => {
    expect(rulesOf(note({ body: `${CONTEXT_LINE} See [the slides](https://example.org) [1].\n\n${ASK_LINE}` }))).toEqual([]);
  });
});

describe('asks-for-job', () => {
  const flagged = (sentence: string, context?: LintContext) =>
    lintMessage(note({ body: `${CONTEXT_LINE} ${sentence} ${ASK_LINE}` }), context).filter((f) => f.rule === 'asks-for-job');

  it.each([
    'I am looking for a new job.',
    'Are you hiring?',
    'I would love to interview for the role.',
    'Could we set up a job interview?',
    'Could you get me an interview with your team?',
    'I would be grateful for a referral for the analyst position.',
    'I am interested in the open positions at Acme.',
  ])('flags %j', (sentence) => {
    expect(flagged(sentence)).toHaveLength(1);
  });

  it.each([
    'Would you be open to an informational interview?',
    'Congratulations on your new role at Acme.',
    'I am interested in your position on remote work.',
    'I enjoyed your interview on the Data Engineering podcast.',
  ])('does not flag %j', (sentence) => {
    expect(flagged(sentence)).toEqual([]);
  });

  it('marks the offending words', () => {
    const text = note({ body: `${CONTEXT_LINE} Are you hiring? ${ASK_LINE}` });
    const span = lintMessage(text).find((f) => f.rule === 'asks-for-job')?.span;
    expect(span && text.slice(span.start, span.end)).toBe('Are you hiring');
  });

  it('only applies to a first message', () => {
    expect(flagged('Are you hiring?', { firstMessage: false })).toEqual([]);
  });
});

describe('talks-about-self', () => {
  it('needs more than twice as many I/me/my as you/your', () => {
    // The base note has 1 "me" and 2 "you"s; this adds 7 "I"s (8 in all) and `you` more "you"s.
    const body = (you: number) => `${CONTEXT_LINE} I think I know I can, I said I would, I did and I will. ${'You helped. '.repeat(you)}${ASK_LINE}`;
    expect(rulesOf(note({ body: body(1) }))).toContain('talks-about-self');
    expect(rulesOf(note({ body: body(2) }))).not.toContain('talks-about-self');
  });
  it('needs at least six of them, so a short note is never flagged', () => {
    // Five first-person words and no "you": fine; a sixth tips it.
    const body = (extra: string) => `We met at the PyData meetup last week. I liked it, I took notes and my notes are long; I kept them.${extra} Could I share them?`;
    expect(rulesOf(note({ body: body('') }))).not.toContain('talks-about-self');
    expect(rulesOf(note({ body: body(' Ask me.') }))).toContain('talks-about-self');
  });
});

describe('no-clear-ask', () => {
  it('flags a big or vague ask and marks it', () => {
    const text = note({ body: `${CONTEXT_LINE} Could I pick your brain sometime?` });
    const found = lintMessage(text).find((f) => f.rule === 'no-clear-ask');
    expect(found?.span && text.slice(found.span.start, found.span.end)).toBe('pick your brain');
  });
  it('accepts the same ask once it is made small', () => {
    expect(rulesOf(note({ body: `${CONTEXT_LINE} Could I pick your brain over a 15-minute call?` }))).toEqual([]);
  });
});

describe('empty-flattery', () => {
  it('reports each empty compliment', () => {
    const found = lintMessage(CASES['empty-flattery'].bad).filter((f) => f.rule === 'empty-flattery');
    expect(found).toHaveLength(2);
  });
  it('ignores pleasantries', () => {
    expect(rulesOf(note({ body: `${CONTEXT_LINE} ${ASK_LINE} Have an amazing weekend!` }))).toEqual([]);
  });
});

describe('too-long', () => {
  it('counts the body only, not the greeting or the signature, and allows 150 words', () => {
    const at = (n: number) => note({ greeting: 'Hi Ana Maria Costa,', body: `${ASK_LINE} ${words(n - 10)}`, closing: 'Thanks and regards,\nSam Rivera, Data Lead' });
    expect(rulesOf(at(150))).not.toContain('too-long');
    expect(rulesOf(at(151))).toContain('too-long');
  });
  it('highlights the words past the limit', () => {
    const text = note({ body: `${ASK_LINE} ${words(150)}` });
    const span = lintMessage(text).find((f) => f.rule === 'too-long')?.span;
    expect(span && text.slice(span.start, span.start + 8)).toBe('word140 ');
  });
});

describe('missing-greeting', () => {
  it('flags a greeting that names no one', () => {
    expect(rulesOf(note({ greeting: 'Hi there,' }))).toContain('missing-greeting');
  });
  it('flags a greeting to someone other than the recipient, a copy-paste slip', () => {
    expect(rulesOf(note({ greeting: 'Dear Gaurav,' }), { recipientName: 'Ana Costa' })).toContain('missing-greeting');
    expect(rulesOf(note({ greeting: 'Dear Ms Costa,' }), { recipientName: 'Ana Costa' })).toEqual([]);
    expect(rulesOf(note({ greeting: 'Dear Dr. Costa,' }), { recipientName: 'Ana Costa' })).toEqual([]);
  });
  it('accepts the usual salutations', () => {
    for (const greeting of ['Hello Ana,', 'Dear Ana,', 'Good morning Ana,', 'Hi Ana!']) expect(rulesOf(note({ greeting }))).toEqual([]);
  });
});

describe('missing-closing', () => {
  it('does not take a long last sentence starting with "Thanks" for a closing', () => {
    const text = note({ closing: 'Thanks for the great chat at the meetup last week, hope to see you soon' });
    expect(rulesOf(text)).toContain('missing-closing');
  });
  it('accepts the usual closings, with or without a name', () => {
    for (const closing of ['Best,\nSam', 'Kind regards,', 'Cheers, Sam', 'Thank you,\nSam Rivera\nData Lead, Northwind']) {
      expect(rulesOf(note({ closing }))).toEqual([]);
    }
  });
});

it('keeps spans on the caller\'s text when lines end in CRLF', () => {
  const text = note({ body: `${CONTEXT_LINE}\n\nAre you hiring?` }).replace(/\n/g, '\r\n');
  const span = lintMessage(text).find((f) => f.rule === 'asks-for-job')?.span;
  expect(span && text.slice(span.start, span.end)).toBe('Are you hiring');
});
