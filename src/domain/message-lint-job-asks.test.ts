import { describe, expect, it } from 'vitest';
import { lintMessage, type LintContext } from './message-lint.ts';

// The job-ask rule on its own: each sentence inside an otherwise clean note, in a first message.
const note = (sentence: string) =>
  `Hi Ana,\n\nIt was good to meet you at the PyData meetup last week. ${sentence} Would you be open to a 20-minute call next week?\n\nThanks and regards,\nSam`;
const jobAsks = (sentence: string, context: LintContext = { firstMessage: true }) =>
  lintMessage(note(sentence), context).filter((f) => f.rule === 'asks-for-job');

// Requests for a job, a role, an opening, a referral, an interview or to be considered, as people write them.
const ASKS = [
  'Can you help me get a job at your company?',
  'Are there any PM roles open at Northstar?',
  "I'd love to be considered.",
  'Could you refer me?',
  'Would you put in a good word for me?',
  'Are there any openings on your team?',
  'Is your team hiring?',
  'Is Northstar still hiring product managers?',
  'I am looking for a new job.',
  'Are you hiring?',
  'Could you get me an interview with your team?',
  'I would be grateful for a referral for the analyst position.',
  'I am interested in the open positions at Acme.',
  'Do you know of any openings at Northstar?',
  'Would you be willing to refer me for the product role?',
  'Could you pass my CV to the hiring manager?',
  'Could you forward my resume to your recruiter?',
  "I'd love to join your team.",
  'Please keep me in mind for anything that comes up.',
  'Can you help me land a role at Greenleaf?',
  "I'm applying for the senior PM position and would appreciate a referral.",
  'Would you consider me for the role?',
  'Could you introduce me to the hiring manager?',
  'Do you have any vacancies?',
  'Could you help me find a job?',
  'Is there a role for me at your company?',
  "I'd love to be considered for the position.",
  'Could you vouch for me with the recruiter?',
  'Any chance of an internship on your team?',
  'Could you recommend me for the opening?',
  'Are there roles available in your design team?',
];

// Near misses: the same words about their work, their news, the past, or an offer of mine.
const NEAR_MISSES = [
  "I'm hiring for my team.",
  'Thanks for the referral last year.',
  'Would you be open to an informational interview?',
  'Congratulations on your new role at Acme.',
  'I am interested in your position on remote work.',
  'I enjoyed your interview on the Data Engineering podcast.',
  "I'd love to hear how your team approaches hiring.",
  'What do you enjoy most about your role?',
  'I read your article on referral programmes.',
  'We are also hiring, if you know anyone.',
  'I was considered an outsider in that industry for years.',
  'Could you tell me how you got your first job in product?',
  'Happy to put in a good word for you with the organisers.',
  'Your opening keynote was great.',
  'The role of product managers is changing fast.',
  'I referred to your post in my own talk.',
  'Would you consider speaking at our meetup?',
  'I helped my cousin get a job last year.',
  'Is your team using Figma for the design system?',
  'I recommend meeting the organisers.',
];

describe('asks-for-job', () => {
  it('has a table of at least 25 asks and 15 near misses', () => {
    expect(ASKS.length).toBeGreaterThanOrEqual(25);
    expect(NEAR_MISSES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(ASKS)('flags %j as an error in a first message', (sentence) => {
    const found = jobAsks(sentence);
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('error');
  });

  it.each(NEAR_MISSES)('lets %j through', (sentence) => {
    expect(jobAsks(sentence)).toEqual([]);
  });

  it('stays quiet in an ongoing conversation, where a direct ask can be fine', () => {
    expect(jobAsks('Can you help me get a job at your company?', { firstMessage: false })).toEqual([]);
  });
});
