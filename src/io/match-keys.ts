import { isLinkedInUrl, normaliseLinkedInUrl, normaliseName, normalisePhone, type ContactDraft } from '../domain/contact.ts';

// normaliseName for plain ASCII without its Unicode normalisation, which is most of an import's matching time;
// a unit test holds the two equal.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
export function fastNormaliseName(text: string): string {
  if (!PRINTABLE_ASCII.test(text)) return normaliseName(text);
  return text.toLowerCase().replace(/\b(dr|mr|mrs|ms|prof|sir)\b\.?/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim();
}

// The same person as other tools write them: nicknames in quotes or parentheses and titles do not make a new person.
export const nameKey = (name: string): string => fastNormaliseName(/[("“]/.test(name) ? name.replace(/\([^)]*\)|"[^"]*"|“[^”]*”/g, ' ') : name);

// Short numbers (extensions, "123456" test data) would match strangers.
export function phoneKey(number: string): string | null {
  const key = normalisePhone(number);
  return key.length >= 7 ? key : null;
}

export const linkedInKey = (url: string): string | null => (isLinkedInUrl(url) ? normaliseLinkedInUrl(url) : null);

export const orgKey = (organisation: string | null): string => (organisation ? fastNormaliseName(organisation) : '');

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
