import type { Template } from './templates.ts';

// Seed 004's advice in every one: a concrete context, more "you" than "I", one small ask, never a job ask,
// well under 150 words. [[ ... ]] marks a sentence that disappears when its detail is unknown.
// firstMessage: whether the draft is usually the first written contact with that person (so the checker
// applies the "no job ask in a first message" rule); introductions and thank-yous go to people you know.
export const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    key: 'event-follow-up',
    name: 'Follow up after an event',
    purpose: 'A short note after meeting someone at an event or talk, so the meeting is not wasted.',
    subject: 'Good to meet you at {{eventName}}',
    firstMessage: true,
    parts: {
      greeting: 'Hi {{firstName}},',
      context:
        'It was good to meet you at {{eventName}}[[ {{metWhen}}]].[[ It was a nice surprise to find a fellow member of {{sharedCommunity}}.]][[ Our conversation about {{lastTopic}} has stayed with me.]]',
      intent: 'I would like to hear more about how you approach it. Would you be open to a 20-minute call or a coffee in the next few weeks?',
      closing: 'Thanks and regards,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'thanks-after-connecting',
    name: 'Thanks for connecting',
    purpose: 'Thank someone for connecting and point at something of theirs you read, watched or used.',
    subject: 'Thanks for connecting',
    firstMessage: true,
    parts: {
      greeting: 'Hello {{firstName}},',
      context: 'Thank you for connecting with me[[ on {{platform}}]]. I read your {{theirWork}}[[ and keep coming back to your point about {{lastTopic}}]].',
      intent: 'I would love to hear how you came to that view. Could I ask you two quick questions about it, by email or in a short call?',
      closing: 'Thanks and regards,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'informational-interview',
    name: 'Informational interview',
    purpose: 'Ask someone already where you want to go for a short conversation to learn from their path.',
    subject: 'A question about {{topic}}',
    firstMessage: true,
    parts: {
      greeting: 'Dear {{firstName}},',
      context:
        'I came across your {{theirWork}}[[ through {{sharedCommunity}}]]. I am exploring {{goal}}, and your path into {{topic}} is one I would like to learn from.',
      intent:
        'Would you be open to a 20-minute informational interview in the coming weeks? I would love to hear how you got started and what you wish you had known then.',
      closing: 'Kind regards,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'coffee-request',
    name: 'Coffee request',
    purpose: 'Suggest a coffee to someone a mutual contact pointed you to; face to face beats online only.',
    subject: 'Coffee and {{topic}}?',
    firstMessage: true,
    parts: {
      greeting: 'Hi {{firstName}},',
      context: '{{mutualContact}} suggested I get in touch with you about {{topic}}.[[ It turns out we are both part of {{sharedCommunity}}, too.]]',
      intent: 'Would you be up for a 30-minute coffee in the next few weeks, my treat? I would love to hear how you see {{topic}} changing.',
      closing: 'Best,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'reconnect',
    name: 'Reconnect with a dormant tie',
    purpose: 'Warm up a tie that has gone quiet, before it goes cold, by asking about them.',
    subject: 'It has been a while',
    firstMessage: false,
    parts: {
      greeting: 'Hi {{firstName}},',
      context: 'I was thinking back to {{lastExchange}}[[, when we talked about {{lastTopic}}]], and realised it has been too long since we caught up.',
      intent:
        'How are things going? I would love to hear what you are working on now[[ and how your {{theirWork}} turned out]]. Are you up for a quick call in the next few weeks?',
      closing: 'Warm regards,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'congratulations',
    name: 'Congratulations',
    purpose: 'Congratulate someone on an achievement or a new role: staying informed about their journey.',
    subject: 'Congratulations!',
    firstMessage: false,
    parts: {
      greeting: 'Hi {{firstName}},',
      context: 'I just saw the news about {{achievement}}. Congratulations![[ It is a fitting next step after your {{theirWork}}.]]',
      intent: 'What are you most looking forward to? No need for a long reply; I would be glad to hear more over a coffee whenever you have a free moment.',
      closing: 'All the best,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'occasion',
    name: 'Birthday or anniversary',
    purpose: 'A few warm words on a birthday, a work anniversary or another day that matters to them.',
    subject: '{{occasion}}',
    firstMessage: false,
    parts: {
      greeting: 'Hi {{firstName}},',
      context: 'I saw it is your {{occasionPhrase}} today, and wanted to wish you a good one.',
      intent: 'What are you looking forward to this year? No need for a long reply; I would be glad to catch up over a coffee whenever suits you.',
      closing: 'All the best,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'share-or-offer-help',
    name: 'Share something or offer help',
    purpose: 'Give, not just take: send something useful or offer help, with no ask of your own.',
    subject: 'Thought of you: {{articleTitle}}',
    firstMessage: false,
    parts: {
      greeting: 'Hi {{firstName}},',
      context: '[[After {{lastExchange}} about {{lastTopic}}, ]]I came across "{{articleTitle}}" and thought of you: {{articleLink}}',
      intent: 'No reply needed.[[ I would also be glad to {{offer}}, if that would help.]] Is there anything else you are working on where I could lend a hand?',
      closing: 'Cheers,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'thanks-for-help',
    name: 'Thanks for your help',
    purpose: 'Express gratitude for help received, say what came of it, and offer something back.',
    subject: 'Thank you',
    firstMessage: false,
    parts: {
      greeting: 'Dear {{firstName}},',
      context: 'Thank you again for {{helpGiven}}.[[ Thanks to you, {{outcome}}.]]',
      intent: 'I would like to return the favour, so please let me know if there is anything I can do for you. Would you be up for a coffee, on me, next time you are nearby?',
      closing: 'With gratitude,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'introduction-request',
    name: 'Ask for an introduction',
    purpose:
      'Ask someone you know for a warm introduction. Double opt-in: they first check with the other person, using the short note they can forward as is.',
    subject: 'Would you introduce me to {{introTarget}}?',
    firstMessage: false,
    parts: {
      greeting: 'Hi {{firstName}},',
      context: 'I saw that you know {{introTarget}}, whose work on {{topic}} is exactly what I am trying to learn about for {{goal}}.',
      intent:
        'Would you be comfortable asking whether they would be open to an introduction? Please say no if it does not feel right. If it helps, here is a short note you could forward:',
      closing: 'Thank you either way,\n{{myName}}',
    },
    blurb:
      '{{myName}} ({{myRole}}) is working towards {{goal}} and would value 20 minutes of your perspective on {{topic}}, by call or over coffee, whenever suits you. No pressure at all if now is not a good time.',
  },
  {
    key: 'introduce-two-contacts',
    name: 'Introduce two contacts',
    purpose: 'Introduce two people who both agreed to it, each with one line on why the other is worth meeting.',
    subject: 'Introduction: {{firstName}}, meet {{otherName}}',
    firstMessage: false,
    parts: {
      greeting: 'Hi {{firstName}} and {{otherName}},',
      context:
        'As promised, here is the introduction you both said yes to.\n{{firstName}}, meet {{otherName}}, who {{otherContext}}.\n{{otherName}}, meet {{firstName}}, who {{theirContext}}.',
      intent: 'I think you would both enjoy comparing notes on {{topic}}. Could you find 20 minutes for a call? I will let you take it from here.',
      closing: 'Best,\n{{myName}}',
    },
    blurb: null,
  },
  {
    key: 'first-contact',
    name: 'First message',
    purpose:
      'Write to someone you have never spoken to (perhaps only connected online): says who you are and asks one small thing, claiming no shared history.',
    subject: 'A question about your work[[ at {{organisation}}]]',
    firstMessage: true,
    parts: {
      greeting: 'Hi {{firstName}},',
      context:
        'I am reaching out because[[ we are connected on {{platform}} but have never properly spoken, and]] I would like to learn from your experience[[ as {{title}}]][[ at {{organisation}}]].',
      intent: 'Would you be open to a 20-minute call in the next few weeks? I would love to hear how you got to where you are and what you are working on now.',
      closing: 'Thanks and regards,\n{{myName}}',
    },
    blurb: null,
  },
];
