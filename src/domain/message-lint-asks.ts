import { finding, quoteSpan, type LintRule } from './message-lint-rules.ts';
import { findAll, matchesAny } from './message-lint-text.ts';

// "informational interview" is the ask seed 004 recommends; every interview pattern must skip it.
const INTERVIEW = String.raw`(?<!informational |information |info )interview`;
const JOB_NOUN = String.raw`(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|internships?)`;
// No "your" here: "interested in your position on remote work" is about their view, not a vacancy.
const DETERMINER = String.raw`(?:a |an |any |the |this |that |one of the |one of your )?`;
const JOB_ADJECTIVE = String.raw`(?:new |open |full-time |part-time |junior |senior |suitable |good |permanent )?`;

const JOB_ASKS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:looking for|seeking|searching for|hunting for|apply(?:ing)? (?:for|to)|interested in|consider(?:ed)? (?:me )?for|find(?:ing)? me|get(?:ting)? me|land(?:ing)?|offer(?:ing)? me|need|want) ${DETERMINER}${JOB_ADJECTIVE}${JOB_NOUN}\b`,
    'i',
  ),
  // "Can you help me get a job at your company?", "help me land a PM role".
  new RegExp(String.raw`\bhelp(?:ing)? me (?:to )?(?:get|land|find|secure|into) (?:a |an |the |some |any )?(?:[\w-]+ ){0,2}?${JOB_NOUN}\b`, 'i'),
  /\b(?:looking for|seeking|searching for|hunting for) (?:new )?(?:opportunities|an opportunity|work)\b(?! on\b| by\b| from\b)/i,
  // "any openings on your team", "any PM roles open at Northstar", "do you have any vacancies".
  /\b(?:any|open|available|current|upcoming)(?: [\w-]+){0,2}? (?:jobs|positions|roles|openings|vacancies|internships)\b/i,
  /\b(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)) (?:open|available|going)\b(?! source\b)/i,
  /\bjob (?:openings?|opportunit(?:y|ies)|offers?|vacanc(?:y|ies)|applications?)\b/i,
  /\b(?:hire me|hiring me|are you hiring|work for (?:you|your (?:company|team|firm)))\b/i,
  // "is your team hiring", "is Northstar still hiring"; not "we are also hiring" (their news, not my ask).
  /\b(?:is|are) (?!also\b|now\b|not\b|we\b)(?:your [\w-]+|you|they|[\w&-]+) (?:still |currently |actively |by any chance )?hiring\b/i,
  /\b(?:refer(?:ring)? me|referral for|recommend(?:ing)? me (?:for|to))\b/i,
  /\b(?:ask(?:ing)? for|request(?:ing)?|need|want|get|give me|provide|appreciate|grateful for|welcome)(?: me)? (?:a |an |your )?(?:employee |internal )?referral\b/i,
  /\bvouch for me\b/i,
  // "put in a good word" for me, not the offer "I'd put in a good word for you".
  /\bput in a (?:good )?word\b(?! for (?:you|them|him|her|your|the|their)\b)/i,
  // Being considered: "I'd love to be considered", "be considered for the role", "consider me".
  /\b(?:love|like|keen|hope|hoping|want|glad|happy|eager|chance) to be considered\b|\b(?:be|being|get) considered for\b|\bconsider me\b/i,
  /\b(?:love|like|want|hope|hoping|keen|eager) to (?:join|work (?:for|at)) (?:you\b|your (?:team|company|firm|group|organi[sz]ation))/i,
  /\bkeep me in mind\b|\bthink of me (?:for|if|when)\b/i,
  /\b(?:is there|do you have|have you got) (?:a |an |any )?(?:[\w-]+ )?(?:job|role|position|opening|spot|place|internship) for me\b/i,
  /\bchance (?:of|for) (?:a |an )?(?:[\w-]+ )?(?:job|role|position|internship|opening|interview|referral)\b/i,
  /\b(?:pass|forward|send|share|put|get) my (?:cv|resume|résumé|application|profile) (?:on |along )?(?:to|in front of|with)\b/i,
  /\bintroduce me to (?:the |your )?(?:hiring manager|recruiter|recruiting team|talent team|hr)\b/i,
  new RegExp(String.raw`\bjob interview\b|\b${INTERVIEW} (?:me\b|for (?:a|an|the|this|that|your|any|one of)\b|with (?:your|the) (?:team|company|firm|hiring)\b)`, 'i'),
  new RegExp(
    String.raw`\b(?:get|land|schedule|arrange|set up|secure|grant me|give me|offer me|request|have) (?:a |an )?(?:first |quick |short |formal )?${INTERVIEW}\b`,
    'i',
  ),
];

export const asksForJob: LintRule = (message, context) => {
  if (!context.firstMessage) return [];
  return findAll(message.text, JOB_ASKS).map((span) =>
    finding('asks-for-job', `${quoteSpan(message.text, span)} asks for a job, a referral or an interview in a first message.`, span),
  );
};

// Any of these makes a clear, small ask: a question, a polite request, a sized meeting.
const SMALL_ASKS: readonly RegExp[] = [
  /\?/,
  /\b(?:would|could|can|will) (?:you|we|i)\b/i,
  /\b(?:are you|would you be|if you are|if you're) (?:open|up|free|willing|happy|available)\b/i,
  /\bwould it be possible\b/i,
  /\b(?:\d+|five|ten|fifteen|twenty|thirty)[- ]?min(?:ute)?s?\b/i,
  // Framed as an invitation: "a coffee", "quick call", "20-minute chat"; "our chat last week" is context, not an ask.
  /\b(?:a|for|grab|have|over|quick|short|brief|virtual|video|phone|minute) (?:coffee|call|chat|catch up|catch-up)\b/i,
  /\b(?:i was|i am|i'm) wondering if\b/i,
  /\b(?:would|i'd) (?:love|like) to (?:hear|learn|meet|chat|talk|catch up|ask)\b/i,
  /\blook(?:ing)? forward to (?:meeting|discussing|talking|chatting|catching up|seeing|hearing (?:your|more|how|what|about))\b/i,
  /\bmeet(?:ing)? (?:you |up )?again\b/i,
  /\blet me know\b/i,
];

// Big or open-ended asks: hard to say yes to unless sized down.
const VAGUE_ASKS: readonly RegExp[] = [
  /\bpick your brains?\b/i,
  /\b(?:any|some) (?:help|advice|guidance|tips) you (?:can|could|might)\b/i,
  /\b(?:anything|whatever) you can (?:do|offer|share)\b/i,
  /\bhelp me (?:out|find|get|land|grow|succeed|with my (?:career|job|job search|future))\b/i,
  /\b(?:mentor me|be my mentor)\b/i,
  /\badvi[cs]e (?:me )?on my (?:career|life|future)\b/i,
  /\b(?:review|look over|go through) my (?:resume|résumé|cv|portfolio|business plan|code|startup)\b/i,
  /\b(?:a few|several|two|three) hours\b|\ban hour or (?:two|more)\b/i,
  /\b(?:invest in|fund) (?:me|my)\b/i,
];
// A vague ask made small ("pick your brain over a 15-minute call") is fine.
const SIZED: readonly RegExp[] = [
  /\b(?:\d+|five|ten|fifteen|twenty|thirty)[- ]?min(?:ute)?s?\b/i,
  /\b(?:quick|short|brief|coffee)\b/i,
  /\b(?:one|two|three|a couple of|a few) (?:quick |short )?questions\b/i,
];

export const noClearAsk: LintRule = (message) => {
  const text = message.text;
  const vague = findAll(text, VAGUE_ASKS);
  const first = vague[0];
  if (first && !matchesAny(text, SIZED)) {
    return [finding('no-clear-ask', `${quoteSpan(text, first)} is a big or open-ended ask; make it small and specific.`, first)];
  }
  if (!matchesAny(text, SMALL_ASKS)) {
    return [finding('no-clear-ask', 'The message never asks for anything specific, so there is nothing easy to say yes to.')];
  }
  return [];
};
