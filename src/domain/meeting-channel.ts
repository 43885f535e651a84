import type { Channel } from './channels.ts';

// What a calendar entry says about where a meeting happened.
export interface MeetingPlace {
  location: string | null;
  // CONFERENCE (RFC 7986), X-GOOGLE-CONFERENCE, URL: links the calendar app attached.
  links: readonly string[];
  description: string | null;
}

// Hosts of video-call services; a link to any of them in the location, the conference fields or the description
// means the meeting was on video.
const VIDEO_HOSTS = /\b(zoom\.us|zoomgov\.com|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com|meet\.jit\.si|gotomeeting\.com|gotomeet\.me|bluejeans\.com|chime\.aws|facetime\.apple\.com|meet\.skype\.com|join\.skype\.com|around\.co|discord\.gg)\b/i;
// What calendar apps write as the location of an online meeting ("Microsoft Teams Meeting", "Zoom").
const VIDEO_WORDS = /\b(teams meeting|microsoft teams|zoom|google meet|hangouts|webex|jitsi|whereby|facetime|skype|video ?call|online)\b/i;
const PHONE_WORDS = /^(tel:|phone\b|call\b|conference call\b|dial[- ]in\b|\+?[\d\s().-]{7,}$)/i;

// In person, video or call, from the place an event names. No place and no link: a meeting, so in person
// (the channel Rapport gives a meeting logged by hand).
export function meetingChannel(place: MeetingPlace): Channel {
  const location = place.location?.trim() ?? '';
  const links = place.links.map((l) => l.trim()).filter(Boolean);
  if ([location, ...links].some((t) => VIDEO_HOSTS.test(t)) || VIDEO_WORDS.test(location)) return 'video';
  if (links.some((l) => /^tel:/i.test(l)) || (location !== '' && PHONE_WORDS.test(location))) return 'phone';
  if (location !== '') return 'in-person';
  if (place.description && VIDEO_HOSTS.test(place.description)) return 'video';
  return 'in-person';
}
