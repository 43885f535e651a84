import { describe, expect, it } from 'vitest';
import { emlFileName, emlMessage, encodedWords, mailtoUrl, quotedPrintable } from '../src/services/drafts-eml.ts';
import { topicOf, whenPhrase } from '../src/services/drafts-values.ts';

const decodeWords = (words: readonly string[]): string =>
  Buffer.concat(words.map((w) => Buffer.from(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)![1]!, 'base64'))).toString('utf8');

const decodeQp = (qp: string): string =>
  Buffer.from(qp.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

describe('.eml and mailto: delivery', () => {
  it('splits encoded-words between characters, never inside one, each within the RFC 2047 limit', () => {
    const text = '日本語のテキストと絵文字 🎉🎉🎉 を含む、かなり長い件名です。'.repeat(2);
    const words = encodedWords(text);
    expect(words.length).toBeGreaterThan(2);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    expect(decodeWords(words)).toBe(text);
  });

  it('keeps lines of quoted-printable within 76 characters and round-trips any text', () => {
    const line = `${'Ünïcödé and = signs, '.repeat(12)}trailing space `;
    const qp = quotedPrintable(`${line}\nsecond\tline`);
    for (const l of qp.split('\r\n')) expect(l.length).toBeLessThanOrEqual(76);
    expect(qp).toMatch(/=20\r\nsecond\tline$/);
    expect(decodeQp(qp)).toBe(`${line}\r\nsecond\tline`);
  });

  it('cannot be made to carry extra headers through the subject or a name', () => {
    const eml = emlMessage({ to: [{ name: 'Eve\r\nBcc: x@evil.test', address: 'eve@example.org' }], subject: 'Hi\r\nBcc: spy@evil.test', text: 'Hi', date: new Date('2026-11-23T12:00:00Z') });
    const headers = eml.slice(0, eml.indexOf('\r\n\r\n')).split('\r\n');
    expect(headers.filter((h) => h.startsWith('Bcc'))).toEqual([]);
    expect(headers).toContain('Subject: Hi Bcc: spy@evil.test');
    expect(headers).toContain('To: "Eve Bcc: x@evil.test" <eve@example.org>');
  });

  it('folds a long recipient list and sends plain ASCII as 7bit with CRLF endings', () => {
    const to = Array.from({ length: 6 }, (_, i) => ({ name: `Person Number ${i}`, address: `person${i}@example.org` }));
    const eml = emlMessage({ to, subject: 'Plain', text: 'Hi all,\nshort note.', date: new Date('2026-01-05T08:09:10Z') });
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    for (const l of head.split('\r\n')) expect(l.length).toBeLessThanOrEqual(78);
    expect(head).toContain('Date: Mon, 05 Jan 2026 08:09:10 +0000');
    expect(head).toContain('Content-Transfer-Encoding: 7bit');
    expect(head).not.toContain('From:');
    expect(eml.endsWith('\r\n\r\nHi all,\r\nshort note.\r\n')).toBe(true);
    expect(head.replace(/\r\n /g, ' ')).toContain(`To: ${to.map((r) => `${r.name} <${r.address}>`).join(', ')}`);
  });

  it('encodes every reserved character of a mailto: link', () => {
    const url = mailtoUrl(['a+b@example.org', 'c@example.org'], 'Q&A: 100% #1?', 'Line one\nLine two & more');
    expect(url).toBe('mailto:a%2Bb@example.org,c@example.org?subject=Q%26A%3A%20100%25%20%231%3F&body=Line%20one%0D%0ALine%20two%20%26%20more');
    expect(mailtoUrl([], 'Hi', 'x')).toBe('mailto:?subject=Hi&body=x');
  });

  it('names the file after the day and the person', () => {
    expect(emlFileName('José Núñez-Álvarez', '2026-11-23')).toBe('2026-11-23-jose-nunez-alvarez.eml');
    expect(emlFileName('李雷', '2026-11-23')).toBe('2026-11-23-message.eml');
  });
});

describe('draft values', () => {
  it('says when you met relative to today while it is fresh', () => {
    expect(whenPhrase('2026-11-23', '2026-11-23')).toBe('today');
    expect(whenPhrase('2026-11-22', '2026-11-23')).toBe('yesterday');
    expect(whenPhrase('2026-11-19', '2026-11-23')).toBe('on Thursday');
    expect(whenPhrase('2026-11-12', '2026-11-23')).toBe('last week');
    expect(whenPhrase('2026-10-02', '2026-11-23')).toBe('on 2 October');
    expect(whenPhrase('2025-12-30', '2026-11-23')).toBe('on 30 December 2025');
  });

  it('reads a topic out of an interaction summary, and gives up on a long note', () => {
    expect(topicOf('Talked about data contracts between teams.')).toBe('data contracts between teams');
    expect(topicOf('We discussed the Lisbon office! Then lunch.')).toBe('the Lisbon office');
    expect(topicOf('Hiring juniors')).toBe('Hiring juniors');
    expect(topicOf('x'.repeat(120))).toBeNull();
    expect(topicOf('   ')).toBeNull();
    expect(topicOf(null)).toBeNull();
  });
});

describe('topics from notes as people write them', () => {
  it.each([
    ['Coffee catch-up about the Q3 roadmap', 'the Q3 roadmap'],
    ['Coffee: swapped notes on hiring plans', 'hiring plans'],
    ['Met at ProductCon Europe; talked about a book on negotiation', 'a book on negotiation'],
    ['Dinner after the workshop; a book on negotiation', 'a book on negotiation'],
    ['Phone catch-up on their new role', 'their new role'],
    ['Connected on LinkedIn after a thread on remote work', 'remote work'],
    ['Connected on LinkedIn', null],
    ['Great to meet you at Design Systems Day', null],
    ['Quick call to unblock the reorg', null],
  ])('%s → %s', (summary, topic) => {
    expect(topicOf(summary)).toBe(topic);
  });
});
