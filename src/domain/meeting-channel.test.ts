import { describe, expect, it } from 'vitest';
import { meetingChannel } from './meeting-channel.ts';

const place = (location: string | null, links: string[] = [], description: string | null = null) => ({ location, links, description });

describe('meetingChannel', () => {
  it('reads a video meeting from a conference link, the location or the description', () => {
    expect(meetingChannel(place(null, ['https://meet.google.com/abc-defg-hij']))).toBe('video');
    expect(meetingChannel(place('https://us02web.zoom.us/j/123456'))).toBe('video');
    expect(meetingChannel(place('Microsoft Teams Meeting', [], 'Join: https://teams.microsoft.com/l/meetup-join/19%3a'))).toBe('video');
  });

  it('reads a call from a tel: link or a phone number as the place', () => {
    expect(meetingChannel(place(null, ['tel:+1-555-0100,,1234#']))).toBe('phone');
    expect(meetingChannel(place('+44 20 7946 0958'))).toBe('phone');
    expect(meetingChannel(place('Phone call'))).toBe('phone');
  });

  it('takes a street or a room as in person, and a bare meeting as in person too', () => {
    expect(meetingChannel(place('Café Central, Herrengasse 14, Vienna'))).toBe('in-person');
    expect(meetingChannel(place('Room 4.12'))).toBe('in-person');
    expect(meetingChannel(place(null))).toBe('in-person');
  });
});
