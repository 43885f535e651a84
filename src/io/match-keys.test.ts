import { describe, expect, it } from 'vitest';
import { normaliseLinkedInUrl, normaliseName, normaliseUnicodeName } from '../domain/contact.ts';
import { keysOfDraft, nameKey, phoneKey, strongConflict } from './match-keys.ts';

describe('match keys', () => {
  it('the ASCII fast path gives exactly what normaliseName gives', () => {
    const samples = ['Ada Lovelace', 'Dr. Ada  King-Lovelace', 'MR. O\'Brien, Jr.', 'prof.x', 'Sirius Black', 'drake', 'A.B. C', '  --  ', 'Company 12, Inc.', 'ms.  smith', 'Mrs.Doe', '~!@#$%^&*()_+{}|:<>?', 'D R', 'ProfessorX'];
    for (let i = 0; i < 400; i++) samples.push(String.fromCharCode(...Array.from({ length: 12 }, (_, j) => 32 + ((i * 31 + j * 17) % 95))));
    for (const s of samples) expect(normaliseName(s), JSON.stringify(s)).toBe(normaliseUnicodeName(s));
    expect(normaliseName('Zoë Ünal')).toBe('zoe unal');
  });
  it('a LinkedIn profile has one key however its URL is written, the export\'s own form being it', () => {
    const key = 'https://www.linkedin.com/in/ada-lovelace-1a2b3c';
    for (const url of [key, `${key}/`, `${key}//`, `${key}?trk=people`, `${key}#about`, `${key}/?x=1`, 'HTTPS://WWW.LinkedIn.com/in/Ada-Lovelace-1A2B3C', 'http://linkedin.com/in/ada-lovelace-1a2b3c', 'https://de.linkedin.com/in/ada-lovelace-1a2b3c/']) {
      expect(normaliseLinkedInUrl(url), url).toBe(key);
    }
    expect(normaliseLinkedInUrl('https://www.linkedin.com/in/z%C3%BC-1')).toBe('https://www.linkedin.com/in/z%c3%bc-1');
    expect(normaliseLinkedInUrl('https://www.linkedin.com/in/zoë')).toBe('https://www.linkedin.com/in/zoë');
    expect(normaliseLinkedInUrl('https://www.linkedin.com/in/ZOË')).toBe('https://www.linkedin.com/in/zoë');
  });
  it('names match whatever the nickname, title or accents', () => {
    expect(nameKey('Robert (Bob) Smith')).toBe(nameKey('Robert Smith'));
    expect(nameKey('Dr. Katherine "Kate" Johnson')).toBe(nameKey('katherine johnson'));
    expect(nameKey('José Núñez')).toBe(nameKey('Jose Nunez'));
  });
  it('short phone numbers never match, and a made-up name gives no name key', () => {
    expect(phoneKey('123456')).toBeNull();
    expect(phoneKey('+44 (20) 7946-0000')).toBe(phoneKey('020 7946 0000', 'GB'));
    // National numbers of nine digits after the trunk 0, which the old last-ten-digits rule could not match.
    expect(phoneKey('+33 1 23 45 67 89', 'FR')).toBe('+33123456789');
    expect(phoneKey('01 23 45 67 89', 'FR')).toBe('+33123456789');
    expect(phoneKey('020 123 4567', 'NL')).toBe(phoneKey('+31 20 123 4567'));
    expect(phoneKey('01 23 45 67 89', 'NL')).not.toBe('+33123456789');
    const draft = { name: 'ada@example.org', emails: [{ address: 'ADA@example.org', label: null }], phones: [], webLinks: [{ url: 'https://linkedin.com/in/ada/', label: null }], organisation: null };
    expect(keysOfDraft(draft, true)).toEqual({ emails: ['ada@example.org'], linkedIn: ['https://www.linkedin.com/in/ada'], phones: [], nameOrg: null });
    expect(keysOfDraft(draft, false).nameOrg).toBe('ada example org|');
  });
  it('a strong identifier that differs vetoes a match by name', () => {
    const k = (linkedIn: string[], emails: string[] = [], phones: string[] = []) => ({ linkedIn, emails, phones });
    expect(strongConflict(k(['https://www.linkedin.com/in/a']), k(['https://www.linkedin.com/in/b']))).toBe('different LinkedIn profiles');
    expect(strongConflict(k([], ['a@x.org']), k([], ['b@x.org']))).toBe('no email in common');
    expect(strongConflict(k([], ['a@x.org', 'b@x.org']), k([], ['b@x.org']))).toBeNull();
    expect(strongConflict(k(['https://www.linkedin.com/in/a']), k([], ['b@x.org']))).toBeNull();
  });
});
