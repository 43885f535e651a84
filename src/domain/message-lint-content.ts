import { finding, quoteSpan, type LintRule } from './message-lint-rules.ts';
import { findAll, matchesAny, wordSpans } from './message-lint-text.ts';

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'd", "you'll"]);
// A few "I"s are natural in any note ("I hope", "I look forward"); only a clear imbalance is a mistake.
// Seed 004's examples run 4:4 and 5:4, so: at least 6 first-person words and more than twice the "you"s.
export const SELF_TALK_MIN = 6;
export const SELF_TALK_RATIO = 2;

export function pronounCounts(text: string): { self: number; other: number } {
  let self = 0;
  let other = 0;
  for (const span of wordSpans(text)) {
    const word = text.slice(span.start, span.end).toLowerCase();
    if (FIRST_PERSON.has(word)) self += 1;
    else if (SECOND_PERSON.has(word)) other += 1;
  }
  return { self, other };
}

export const talksAboutSelf: LintRule = (message) => {
  const { self, other } = pronounCounts(message.text.slice(message.body.start, message.body.end));
  if (self < SELF_TALK_MIN || self <= SELF_TALK_RATIO * other) return [];
  return [finding('talks-about-self', `${self} words about you (I, me, my) against ${other} about them (you, your).`)];
};

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const DAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
// Things of theirs a message can point at: the strongest context, and what makes praise specific.
const THEIR_WORK = String.raw`(?:talk|article|post|paper|book|podcast|project|keynote|presentation|panel|newsletter|essay|blog|research|thread|video|session|workshop|interview|report|study|launch|course|library|tool|app|design|campaign|episode|piece|comment|answer|question|work on|point about|idea about|approach to)`;
const THEIR_THING = new RegExp(String.raw`\byour (?:recent |latest |new |last |great )?${THEIR_WORK}\b`, 'i');

const CONTEXT: readonly RegExp[] = [
  THEIR_THING,
  /\bwe (?:met|spoke|talked|chatted|worked)\b/i,
  /\b(?:met|meet|meeting|seeing|saw|heard) you\b/i,
  /\b(?:met|at the|after|during|since|as promised|last time)\b/i,
  new RegExp(String.raw`\b(?:yesterday|today|tonight|recently|earlier|(?:this|last|next) (?:morning|afternoon|evening|night|week|month|year|${DAYS})|${DAYS}|${MONTHS})\b`, 'i'),
  /\b(?:on|via|through) (?:linkedin|twitter|x|mastodon|bluesky|slack|discord|github)\b/i,
  /\bconnect(?:ed|ing)\b/i,
  /\b(?:mutual|suggested|recommended|mentioned|referred|pointed me|introduced|fellow|alumni|alumnus|alumna)\b/i,
  /\bour (?:conversation|chat|call|talk|discussion|meeting|exchange)\b/i,
  /\b(?:i|we) (?:just )?(?:read|saw|noticed|heard|came across|listened to|watched)\b/i,
  /\bthank(?:s| you)(?: so much| again)? for\b/i,
  /\b(?:reaching out|writing|getting in touch) (?:because|about|regarding|after|since)\b/i,
  /\bcongratulations on\b|\bthe news\b/i,
];

export const noContext: LintRule = (message) => {
  if (matchesAny(message.text, CONTEXT)) return [];
  return [finding('no-context', 'The message does not say where you met or why you are writing.')];
};

const FLATTERY: readonly RegExp[] = [
  /\b(?:huge|big|massive|biggest|long-time|longtime) fan\b/i,
  /\b(?:huge|big|great) admirer\b/i,
  /\b(?:(?:always|really|truly|deeply|greatly) )?admire[ds]?\b/i,
  // "Have an amazing weekend" is a pleasantry, not praise.
  /\b(?:so |truly |really |very )?(?:amazing|incredible|awesome|phenomenal|legendary|inspiring|inspirational)\b(?! (?:day|week|weekend|time|trip|holidays?|vacation|news|evening|morning)\b)/i,
  /\b(?:rock ?star|legend|genius|guru|visionary|thought leader)\b/i,
];
const SPECIFIC: readonly RegExp[] = [
  THEIR_THING,
  /["“][^"”\n]{3,}["”]/,
  /\b(?:when|where|how) you (?:said|described|explained|argued|wrote|showed|put it)\b/i,
  /\bthe (?:part|point|section|bit) (?:about|where|on)\b/i,
];

export const emptyFlattery: LintRule = (message) => {
  if (matchesAny(message.text, SPECIFIC)) return [];
  return findAll(message.text, FLATTERY).map((span) =>
    finding('empty-flattery', `${quoteSpan(message.text, span)} praises them without saying what for.`, span),
  );
};
