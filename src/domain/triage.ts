import { daysBetween } from './dates.ts';
import type { Network } from './networks.ts';
import { BALANCE_TARGETS, type Situation } from './situations.ts';

// What is known about an unsorted contact when triage suggests where it belongs.
export interface TriageFacts {
  title: string | null;
  organisation: string | null;
  // The organisation is marked as mine (the user works there).
  organisationIsMine: boolean;
  // The organisation is linked to one of the user's goals (for a job seeker: a target organisation).
  organisationInGoal: boolean;
  // Communities the user belongs to that this contact belongs to as well.
  sharedCommunities: readonly { name: string; kind: string }[];
  // The latest "connected on" day, if an import recorded one.
  connectedOn: string | null;
}

// Which rule made the suggestion: a filter key ("accept all suggestions for recruiters") and a label.
export const TRIAGE_RULES = ['my-organisation', 'recruiter', 'investor', 'founder', 'leader', 'mentor', 'educator', 'consultant', 'contractor',
  'government', 'community', 'alumni', 'no-clue'] as const;
export type TriageRule = (typeof TRIAGE_RULES)[number];

export interface TriageSuggestion {
  network: Network;
  connectionType: string | null;
  rule: TriageRule;
  // Human-readable: "Recruiter at Northstar → strategic, recruiter".
  reason: string;
}

interface TitleRule {
  rule: TriageRule;
  pattern: RegExp;
  network: Network;
  connectionType: string | null;
  noun: string;
}

// First match wins, so the more telling words come first ("Founder & Talent Partner" is a recruiter to a job seeker).
// Patterns are on word starts, so "Director" does not match inside "Art-directory" and "CTO" not inside "Doctor".
const TITLE_RULES: readonly TitleRule[] = [
  { rule: 'recruiter', pattern: /\b(recruit\w*|talent\b|sourcer|sourcing|head ?hunt\w*|people partner|hr business partner|rekrut\w*|recrut\w*)/i, network: 'strategic', connectionType: 'recruiter', noun: 'Recruiter' },
  { rule: 'investor', pattern: /\b(investor|investment|venture|angel|\bvc\b|fund manager|limited partner|private equity)/i, network: 'strategic', connectionType: 'financial-expert', noun: 'Investor' },
  { rule: 'founder', pattern: /\b(co-?founder|founder|ceo|chief executive|business owner|gründer|fondateur|fundador)/i, network: 'strategic', connectionType: null, noun: 'Founder' },
  { rule: 'government', pattern: /\b(government|ministry|minister|regulator|regulatory|policy|public sector|civil servant|council)/i, network: 'strategic', connectionType: 'government-body', noun: 'Public-sector' },
  { rule: 'mentor', pattern: /\b(mentor|coach|advis[oe]r|board member|non-executive)/i, network: 'personal', connectionType: 'mentor', noun: 'Mentor-type' },
  { rule: 'educator', pattern: /\b(professor|lecturer|teacher|instructor|educator|dean|tutor|faculty)/i, network: 'personal', connectionType: 'educator', noun: 'Educator' },
  { rule: 'leader', pattern: /\b(chief \w+ officer|c[tofpmd]o\b|vp\b|vice president|svp|evp|managing director|general manager|head of|director)/i, network: 'strategic', connectionType: null, noun: 'Leader' },
  { rule: 'contractor', pattern: /\b(freelance\w*|contractor|self-employed)/i, network: 'strategic', connectionType: 'contractor', noun: 'Freelancer' },
  { rule: 'consultant', pattern: /\b(consultant|consulting)/i, network: 'operational', connectionType: 'consultant', noun: 'Consultant' },
];

const at = (facts: TriageFacts): string => (facts.organisation ? ` at ${facts.organisation}` : '');
const typeWords = (type: string | null): string => (type ? `, ${type.replace(/-/g, ' ')}` : '');

// Where an unsorted contact probably belongs, from what is known, with the reason in words. A suggestion only:
// the user accepts it (Enter in the web app, `rapport triage accept`) or picks another network.
export function suggestTriage(facts: TriageFacts): TriageSuggestion {
  const make = (rule: TriageRule, network: Network, connectionType: string | null, why: string): TriageSuggestion =>
    ({ rule, network, connectionType, reason: `${why} → ${network}${typeWords(connectionType)}` });
  if (facts.organisationIsMine) {
    return make('my-organisation', 'operational', 'colleague', `${facts.title ? `${facts.title} at` : 'Works at'} ${facts.organisation ?? 'my organisation'} (my organisation)`);
  }
  const title = facts.title ?? '';
  for (const r of TITLE_RULES) {
    if (r.pattern.test(title)) return make(r.rule, r.network, r.connectionType, `${r.noun}${at(facts)}`);
  }
  const alumni = facts.sharedCommunities.find((c) => c.kind === 'alumni');
  if (alumni) return make('alumni', 'personal', 'alumni', `Fellow alumnus of ${alumni.name}`);
  const community = facts.sharedCommunities[0];
  if (community) return make('community', 'personal', 'association-peer', `Fellow member of ${community.name}`);
  return make('no-clue', 'personal', null, `${title ? `${title}${at(facts)}` : `No title${at(facts)}`}: no telling word, a peer until you know more`);
}

// "Reconnect first": how much sorting and writing to this contact now serves the user's situation. Higher first.
// The network the situation leans on weighs most (balance targets); for a job seeker, strategic and personal ties
// in target organisations (organisations linked to a goal) and recruiters come first; recent connections next.
export function reconnectScore(facts: TriageFacts, s: TriageSuggestion, situation: Situation, today: string): number {
  let score = BALANCE_TARGETS[situation][s.network] * 40;
  if (facts.organisationInGoal) score += situation === 'job-seeking' && s.network !== 'operational' ? 100 : 50;
  if (situation === 'job-seeking' && s.rule === 'recruiter') score += 40;
  if (situation === 'running-a-business' && (s.rule === 'investor' || s.rule === 'founder')) score += 30;
  if (facts.sharedCommunities.length > 0) score += 10;
  if (facts.connectedOn) {
    const ago = daysBetween(facts.connectedOn.slice(0, 10), today);
    score += ago <= 90 ? 30 : ago <= 365 ? 15 : ago <= 3 * 365 ? 5 : 0;
  }
  return score;
}

// Why this contact is near the top of "reconnect first", in words the list can show.
export function reconnectWhy(facts: TriageFacts, situation: Situation, today: string): string | null {
  const parts: string[] = [];
  if (facts.organisationInGoal) parts.push(situation === 'job-seeking' ? 'at a target organisation' : 'at an organisation in your goals');
  if (facts.connectedOn && daysBetween(facts.connectedOn.slice(0, 10), today) <= 90) parts.push('connected recently');
  return parts.length ? parts.join(', ') : null;
}
