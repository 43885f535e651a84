import { isLinkedInUrl, normaliseLinkedInUrl, normaliseName, normalisePhone, type ContactDraft } from '../domain/contact.ts';

// The same person as other tools write them: nicknames in quotes or parentheses and titles do not make a new person.
export const nameKey = (name: string): string => normaliseName(/[("“]/.test(name) ? name.replace(/\([^)]*\)|"[^"]*"|“[^”]*”/g, ' ') : name);

// Short numbers (extensions, "123456" test data) would match strangers.
export function phoneKey(number: string): string | null {
  const key = normalisePhone(number);
  return key.length >= 7 ? key : null;
}

export const linkedInKey = (url: string): string | null => (isLinkedInUrl(url) ? normaliseLinkedInUrl(url) : null);

export const orgKey = (organisation: string | null): string => (organisation ? normaliseName(organisation) : '');

export interface MatchKeys {
  emails: string[];
  linkedIn: string[];
  phones: string[];
  // name|organisation; null when the name was made up from an email or organisation.
  nameOrg: string | null;
}

export function keysOfDraft(draft: Pick<ContactDraft, 'name' | 'emails' | 'phones' | 'webLinks' | 'organisation'>, nameIsFallback: boolean): MatchKeys {
  const name = nameIsFallback ? '' : nameKey(draft.name);
  return {
    emails: draft.emails.map((e) => e.address.toLowerCase()),
    linkedIn: draft.webLinks.map((l) => linkedInKey(l.url)).filter((k): k is string => k !== null),
    phones: draft.phones.map((p) => phoneKey(p.number)).filter((k): k is string => k !== null),
    nameOrg: name ? `${name}|${orgKey(draft.organisation)}` : null,
  };
}
