import { headerKey } from './csv-read.ts';
import { MULTI, type Target } from './csv-columns.ts';

type Rule = Omit<Target, 'column'>;

// Google's system groups say nothing about the person; its own labels become tags.
const googleLabel = (value: string): string | null => {
  const v = value.replace(/^\*\s*/, '').trim();
  return /^(mycontacts|my contacts|other contacts|otherContacts)$/i.test(v) || v === '' ? null : v;
};

const GOOGLE: Record<string, Rule> = {
  'first name': { to: 'givenName' }, 'given name': { to: 'givenName' },
  'middle name': { to: 'middleName' }, 'additional name': { to: 'middleName' },
  'last name': { to: 'familyName' }, 'family name': { to: 'familyName' },
  name: { to: 'name' }, 'name prefix': { to: 'prefix' }, 'name suffix': { to: 'suffix' }, nickname: { to: 'nickname' },
  'organization name': { to: 'organisation' }, 'organization title': { to: 'title' },
  'organization department': { to: 'organisationUnit' },
  birthday: { to: 'birthday' }, notes: { to: 'notes' }, location: { to: 'location' },
  // Google's Photo column is a link to its servers, not the picture.
  photo: { to: 'ignore' }, 'file as': { to: 'ignore' },
  labels: { to: 'tags', split: MULTI, tag: googleLabel }, 'group membership': { to: 'tags', split: MULTI, tag: googleLabel },
};

const GOOGLE_ADDRESS: Record<string, Rule['part']> = {
  street: 'street', city: 'locality', 'po box': 'poBox', region: 'region', 'postal code': 'postcode', country: 'country', 'extended address': 'extended',
};

// "E-mail 2 - Value", "Phone 1 - Type", "Organization 1 - Name", "Address 1 - City"...
const GOOGLE_GROUPS: [RegExp, (n: string, part: string) => Rule | null][] = [
  [/^e-mail (\d+) - (label|type|value)$/, (n, p) => (p === 'value' ? { to: 'emails', group: `e${n}`, split: MULTI } : { to: 'listLabel', group: `e${n}` })],
  [/^phone (\d+) - (label|type|value)$/, (n, p) => (p === 'value' ? { to: 'phones', group: `p${n}`, split: MULTI } : { to: 'listLabel', group: `p${n}` })],
  [/^website (\d+) - (label|type|value)$/, (n, p) => (p === 'value' ? { to: 'webLinks', group: `w${n}`, split: MULTI } : { to: 'listLabel', group: `w${n}` })],
  [/^organization (\d+) - (name|title|department)$/, (n, p) => (n !== '1' ? null : p === 'name' ? { to: 'organisation' } : p === 'title' ? { to: 'title' } : { to: 'organisationUnit' })],
  [/^address (\d+) - (street|city|po box|region|postal code|country|extended address)$/, (n, p) => ({ to: 'addressPart', group: `a${n.padStart(3, '0')}`, part: GOOGLE_ADDRESS[p]! })],
  [/^address (\d+) - (label|type)$/, (n) => ({ to: 'listLabel', group: `a${n.padStart(3, '0')}` })],
  [/^address (\d+) - (formatted|neighborhood)$/, () => ({ to: 'ignore' })],
];

export function googleTarget(header: string): Rule | null {
  const key = headerKey(header);
  if (GOOGLE[key]) return GOOGLE[key];
  for (const [re, make] of GOOGLE_GROUPS) {
    const m = re.exec(key);
    if (m) return make(m[1]!, m[2]!);
  }
  return null;
}

const OUTLOOK: Record<string, Rule> = {
  'first name': { to: 'givenName' }, 'middle name': { to: 'middleName' }, 'last name': { to: 'familyName' },
  // Outlook's "Title" is the courtesy title (Dr., Ms.); the job is "Job Title".
  title: { to: 'prefix' }, suffix: { to: 'suffix' }, nickname: { to: 'nickname' },
  'web page': { to: 'webLinks' }, birthday: { to: 'birthday' }, notes: { to: 'notes' },
  'e-mail address': { to: 'emails' }, 'e-mail 2 address': { to: 'emails' }, 'e-mail 3 address': { to: 'emails' },
  company: { to: 'organisation' }, 'job title': { to: 'title' }, department: { to: 'organisationUnit' },
  profession: { to: 'notes', label: 'Profession' }, "manager's name": { to: 'notes', label: 'Manager' },
  "assistant's name": { to: 'notes', label: 'Assistant' }, 'referred by': { to: 'metHow' }, spouse: { to: 'notes', label: 'Spouse' },
  categories: { to: 'tags', split: /\s*;\s*/ },
  // German and French Outlook translate the header row.
  vorname: { to: 'givenName' }, nachname: { to: 'familyName' }, 'weitere vornamen': { to: 'middleName' }, firma: { to: 'organisation' },
  position: { to: 'title' }, 'e-mail-adresse': { to: 'emails' }, 'e-mail 2: adresse': { to: 'emails' }, geburtstag: { to: 'birthday' },
  notizen: { to: 'notes' }, kategorien: { to: 'tags', split: /\s*;\s*/ }, mobiltelefon: { to: 'phones', label: 'mobile' },
  'telefon geschäftlich': { to: 'phones', label: 'work' }, 'telefon privat': { to: 'phones', label: 'home' },
  prénom: { to: 'givenName' }, nom: { to: 'familyName' }, société: { to: 'organisation' }, fonction: { to: 'title' },
  'adresse de messagerie': { to: 'emails' }, anniversaire: { to: 'birthday' }, catégories: { to: 'tags', split: /\s*;\s*/ },
  'téléphone mobile': { to: 'phones', label: 'mobile' }, 'téléphone (bureau)': { to: 'phones', label: 'work' },
};

const PHONE_LABELS: Record<string, string> = { mobile: 'mobile', business: 'work', home: 'home', 'company main': 'work', primary: 'main' };

export function outlookTarget(header: string): Rule | null {
  const key = headerKey(header);
  if (OUTLOOK[key]) return OUTLOOK[key];
  const phone = /^(.*?)\s*(phone|fax|pager|callback|isdn|telex)( \d)?$/.exec(key);
  if (phone) {
    const base = phone[1]!.replace(/'s$/, '');
    const label = phone[2] === 'phone' ? PHONE_LABELS[base] ?? (base || 'phone') : `${base ? `${base} ` : ''}${phone[2]}`;
    return { to: 'phones', label };
  }
  const place = /^(business|home|other) (street|city|state|postal code|po box|country(?:\/region)?)$/.exec(key);
  if (place) {
    const kind = place[1] as 'business' | 'home' | 'other';
    const part = ({ street: 'street', city: 'locality', state: 'region', 'postal code': 'postcode', 'po box': 'poBox' } as Record<string, Rule['part']>)[place[2]!] ?? 'country';
    return { to: 'addressPart', group: { business: 'a1', home: 'a2', other: 'a3' }[kind], label: { business: 'work', home: 'home', other: 'other' }[kind], part };
  }
  return null;
}

export const isGoogleHeader = (cells: readonly string[]): boolean =>
  cells.some((c) => /^e-mail \d+ - (value|type|label)$|^organization (1 - )?name$|^group membership$/.test(headerKey(c)));

export const isOutlookHeader = (cells: readonly string[]): boolean => {
  const keys = new Set(cells.map(headerKey));
  return (keys.has('e-mail address') || keys.has('e-mail-adresse') || keys.has('adresse de messagerie'))
    && (keys.has('business phone') || keys.has('mobile phone') || keys.has('job title') || keys.has('mobiltelefon') || keys.has('first name') || keys.has('vorname') || keys.has('prénom'));
};
