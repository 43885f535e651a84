import type { ParsedMessage, Span } from './message-lint-text.ts';

// The networking mistakes of seed 004 (and DOMAIN.md §4), each a stable name the UI and API can key on.
// Findings are reported in this order: the error that blocks sending first.
export const LINT_RULE_NAMES = [
  'unfilled-placeholder',
  'asks-for-job',
  'talks-about-self',
  'no-context',
  'no-clear-ask',
  'empty-flattery',
  'too-long',
  'missing-greeting',
  'missing-closing',
] as const;
export type RuleName = (typeof LINT_RULE_NAMES)[number];
export type LintSeverity = 'warning' | 'error';

export interface LintFinding {
  rule: RuleName;
  severity: LintSeverity;
  message: string;
  explanation: string;
  suggestion: string;
  // Character offsets of the offending words, for a composer to highlight.
  span?: Span;
}

export interface LintContext {
  // Seed 004: never ask for a job in the first message; a message after a year of silence counts as one too
  // (messageModeFor in message-mode.ts). Defaults to true, the stricter reading.
  firstMessage?: boolean;
  recipientName?: string | null;
}

export interface ResolvedLintContext {
  firstMessage: boolean;
  recipientName: string | null;
}

export type LintRule = (message: ParsedMessage, context: ResolvedLintContext) => LintFinding[];

export interface LintRuleInfo {
  severity: LintSeverity;
  explanation: string;
  suggestion: string;
}

export const LINT_RULES: Record<RuleName, LintRuleInfo> = {
  'unfilled-placeholder': {
    severity: 'error',
    explanation: 'A template slot was never filled in. Sent like this, the message shows the recipient it is a form letter.',
    suggestion: 'Replace the bracketed or {{curly}} text with the real detail, or delete the sentence.',
  },
  'asks-for-job': {
    // Checked only in a first or cold message (see message-mode.ts), where it blocks sending: the one mistake
    // seed 004 says costs the relationship itself.
    severity: 'error',
    explanation:
      'Asking for a job, a referral or an interview in a first message weakens your case: people help those they know, and you have not built that yet.',
    suggestion:
      'Ask to learn instead: their path, their team, what they are working on. An informational interview or a short call is the right first ask.',
  },
  'talks-about-self': {
    severity: 'warning',
    explanation: 'The message is mostly about you. Good networkers listen more than they talk, and people answer messages about them.',
    suggestion: 'Cut some sentences about yourself and add one about them: their work, their view, a question for them.',
  },
  'no-context': {
    severity: 'warning',
    explanation: 'Nothing says where you met or why you are writing, so the reader has to guess who you are and why they should answer.',
    suggestion: 'Open with the concrete link: the event or talk where you met and when, their article or post, or the person who suggested you write.',
  },
  'no-clear-ask': {
    severity: 'warning',
    explanation: 'A networking message needs one small, clear ask that is easy to say yes to; a big or vague ask is easy to ignore.',
    suggestion: 'End with a specific question, such as "Would you be open to a 20-minute call next week?" or "Could I ask you two questions about X?"',
  },
  'empty-flattery': {
    severity: 'warning',
    explanation: 'Praise with nothing specific behind it reads as a template and gives them nothing to reply to.',
    suggestion: 'Name what you admire: the talk, article or project, and the point in it that stayed with you.',
  },
  'too-long': {
    severity: 'warning',
    explanation: 'Long messages get skimmed or saved for later and forgotten. Short is fine; the conversation can carry the rest.',
    suggestion: 'Keep to the four parts (greeting, context, intent, closing) and under about 150 words.',
  },
  'missing-greeting': {
    severity: 'warning',
    explanation: 'A message without a personal greeting reads like a broadcast.',
    suggestion: 'Start with a greeting and their name, e.g. "Hi Ana,".',
  },
  'missing-closing': {
    severity: 'warning',
    explanation: 'Without a closing the message ends abruptly and can read as a demand.',
    suggestion: 'End with a short closing and your name, e.g. "Thanks and regards,".',
  },
};

export function finding(rule: RuleName, message: string, span?: Span): LintFinding {
  const info = LINT_RULES[rule];
  return { rule, severity: info.severity, message, explanation: info.explanation, suggestion: info.suggestion, ...(span ? { span } : {}) };
}

export const quoteSpan = (text: string, span: Span): string => JSON.stringify(text.slice(span.start, span.end));
