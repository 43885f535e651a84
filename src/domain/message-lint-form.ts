import { finding, quoteSpan, type LintRule } from './message-lint-rules.ts';
import { findAll, wordSpans } from './message-lint-text.ts';

// Seed 004: networking emails "can be very short"; past about 150 words they stop being read.
export const MAX_BODY_WORDS = 150;

export const tooLong: LintRule = (message) => {
  const words = wordSpans(message.text, message.body);
  const firstExtra = words[MAX_BODY_WORDS];
  const lastWord = words[words.length - 1];
  if (!firstExtra || !lastWord) return [];
  return [
    finding(
      'too-long',
      `The body is ${words.length} words; aim for under ${MAX_BODY_WORDS}.`,
      { start: firstExtra.start, end: lastWord.end },
    ),
  ];
};

// Salutations that name no one: fine for a newsletter, cold for a networking note.
const GENERIC_NAMES = /^(?:there|all|everyone|everybody|team|folks|friend|sir|madam|sir or madam|sir\/madam|hiring manager|recruiter)?$/i;
// A missing-value marker in the greeting is the placeholder rule's to report, not this one's.
const MARKER = /\[|\{\{/;

const nameTokens = (name: string): string[] =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2);

export const missingGreeting: LintRule = (message, context) => {
  const { greeting, greetingName } = message;
  if (!greeting || greetingName === null) {
    return [finding('missing-greeting', 'The message does not open with a greeting such as "Hi Ana,".')];
  }
  if (MARKER.test(greetingName)) return [];
  if (GENERIC_NAMES.test(greetingName)) {
    return [finding('missing-greeting', `${quoteSpan(message.text, greeting)} does not use their name.`, greeting)];
  }
  const wanted = nameTokens(context.recipientName ?? '');
  const used = new Set(nameTokens(greetingName));
  if (wanted.length > 0 && !wanted.some((t) => used.has(t))) {
    return [
      finding('missing-greeting', `${quoteSpan(message.text, greeting)} greets someone other than ${context.recipientName ?? ''}.`, greeting),
    ];
  }
  return [];
};

export const missingClosing: LintRule = (message) =>
  message.closing ? [] : [finding('missing-closing', 'The message ends without a closing such as "Thanks and regards,".')];

const PLACEHOLDERS: readonly RegExp[] = [
  /\{\{[^{}\n]*\}\}/,
  /\[\[[^\n]*?\]\]/,
  // "[first name]", "[Company]", "[firstName?]"; a markdown link "[text](url)" or a citation "[1]" is not one.
  /\[(?=[^\]\n]*\p{L})[^[\]\n]{1,60}\](?!\()/u,
  /<(?:first ?name|name|company|your name|their name|event)>/i,
];

export const unfilledPlaceholder: LintRule = (message) =>
  findAll(message.text, PLACEHOLDERS).map((span) =>
    finding('unfilled-placeholder', `${quoteSpan(message.text, span)} is a placeholder that was never filled in.`, span),
  );
