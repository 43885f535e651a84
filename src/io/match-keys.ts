import { isLinkedInUrl, normaliseLinkedInUrl, normaliseName, normalisePhone, type ContactDraft } from '../domain/contact.ts';

// The same person as other tools write them: nicknames in quotes or parentheses and titles do not make a new person.
export const nameKey = (name: string): string => normaliseName(/[("“]/.test(name) ? name.replace(/\([^)]*\)|"[^"]*"|“[^”]*”/g, ' ') : name);

// Short numbers (extensions, "123456" test data) would match strangers. E.164 under the default region (phone.ts).
export function phoneKey(number: string, region: string | null = null): string | null {
  const key = normalisePhone(number, region);
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

export function keysOfDraft(draft: Pick<ContactDraft, 'name' | 'emails' | 'phones' | 'webLinks' | 'organisation'>, nameIsFallback: boolean, region: string | null = null): MatchKeys {
  const name = nameIsFallback ? '' : nameKey(draft.name);
  return {
    emails: draft.emails.map((e) => e.address.toLowerCase()),
    linkedIn: draft.webLinks.map((l) => linkedInKey(l.url)).filter((k): k is string => k !== null),
    phones: draft.phones.map((p) => phoneKey(p.number, region)).filter((k): k is string => k !== null),
    nameOrg: name ? `${name}|${orgKey(draft.organisation)}` : null,
  };
}

export type StrongKeys = Pick<MatchKeys, 'emails' | 'linkedIn' | 'phones'>;

const disjoint = (a: readonly string[], b: readonly string[]) => a.length > 0 && b.length > 0 && !a.some((k) => b.includes(k));

// Two records that both carry a strong identifier of one kind and share none of it are two people, whatever their
// names: the veto that keeps namesakes apart (two LinkedIn profiles, two sets of emails, two sets of phones).
export function strongConflict(a: StrongKeys, b: StrongKeys): string | null {
  if (disjoint(a.linkedIn, b.linkedIn)) return 'different LinkedIn profiles';
  if (disjoint(a.emails, b.emails)) return 'no email in common';
  if (disjoint(a.phones, b.phones)) return 'no phone number in common';
  return null;
}
