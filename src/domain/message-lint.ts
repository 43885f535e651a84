import { asksForJob, noClearAsk } from './message-lint-asks.ts';
import { emptyFlattery, noContext, talksAboutSelf } from './message-lint-content.ts';
import { missingClosing, missingGreeting, tooLong, unfilledPlaceholder } from './message-lint-form.ts';
import { LINT_RULE_NAMES, type LintContext, type LintFinding, type LintRule, type RuleName } from './message-lint-rules.ts';
import { parseMessage, straightenQuotes } from './message-lint-text.ts';

export { LINT_RULE_NAMES, LINT_RULES } from './message-lint-rules.ts';
export type { LintContext, LintFinding, LintRuleInfo, LintSeverity, RuleName } from './message-lint-rules.ts';
export type { Span } from './message-lint-text.ts';

const RULES: Record<RuleName, LintRule> = {
  'unfilled-placeholder': unfilledPlaceholder,
  'asks-for-job': asksForJob,
  'talks-about-self': talksAboutSelf,
  'no-context': noContext,
  'no-clear-ask': noClearAsk,
  'empty-flattery': emptyFlattery,
  'too-long': tooLong,
  'missing-greeting': missingGreeting,
  'missing-closing': missingClosing,
};

// Checks a draft against seed 004's networking mistakes. Pure and fast enough to run on every keystroke.
export function lintMessage(text: string, context: LintContext = {}): LintFinding[] {
  // Same length after straightening, so spans still index the caller's text.
  const message = parseMessage(straightenQuotes(text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n'))));
  const resolved = { firstMessage: context.firstMessage ?? true, recipientName: context.recipientName ?? null };
  return LINT_RULE_NAMES.flatMap((name) => RULES[name](message, resolved));
}

export const hasBlockingFinding = (findings: readonly LintFinding[]): boolean => findings.some((f) => f.severity === 'error');
