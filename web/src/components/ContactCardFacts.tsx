import type { ReactNode } from 'react';
import type { Output } from '../api.ts';

type Contact = Output<'contact.get'>;
type Address = NonNullable<Contact['card']>['addresses'][number];

// "home" → "Home"; a custom label ("Grandma's", "Studio") is shown as the user typed it.
export const labelWord = (label: string | null): string | null => (label ? label.charAt(0).toUpperCase() + label.slice(1) : null);

// As one writes it on an envelope: box, extra line, street, then "town, region postcode", then the country.
export function addressLines(a: Address): string[] {
  const place = [a.locality, [a.region, a.postcode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const lines = [a.poBox ? (/^(p\.?\s*o\.?\s*)?box\b/i.test(a.poBox) ? a.poBox : `PO Box ${a.poBox}`) : null, a.extended, ...(a.street ?? '').split('\n'), place, a.country];
  return lines.map((l) => l?.trim() ?? '').filter(Boolean);
}

// The name as its parts give it: "Dr Ada Augusta King, FRS". Shown only when it says more than the display name.
export function fullName(c: Contact): string | null {
  const full = [c.card?.namePrefix, c.givenName, c.card?.middleName, c.familyName].filter(Boolean).join(' ');
  const withSuffix = [full, c.card?.nameSuffix].filter(Boolean).join(', ');
  const norm = (s: string) => s.toLowerCase().replace(/[\s,.]+/g, ' ').trim();
  if (!withSuffix || norm(withSuffix) === norm(c.name)) return null;
  // Given and family alone, in either order, are what the display name already says.
  if (!c.card?.namePrefix && !c.card?.middleName && !c.card?.nameSuffix) {
    const shown = norm(c.name);
    const words = [c.givenName, c.familyName].filter((w): w is string => Boolean(w)).map(norm);
    if (words.every((w) => shown.includes(w))) return null;
  }
  return withSuffix;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <div className="fact"><dt>{label}</dt><dd>{children}</dd></div>;
}

// What a vCard told about the person beyond Rapport's own fields: name parts, nickname, department, addresses.
// Nothing is rendered for a contact that has none of them.
export function ContactCardFacts({ contact: c }: { contact: Contact }) {
  const card = c.card;
  const name = fullName(c);
  const nickname = card?.nickname && !c.name.toLowerCase().includes(card.nickname.toLowerCase()) ? card.nickname : null;
  const addresses = (card?.addresses ?? []).map((a) => ({ label: labelWord(a.label), lines: addressLines(a) })).filter((a) => a.lines.length > 0);
  if (!name && !nickname && !card?.organisationUnit && addresses.length === 0) return null;
  return (
    <>
      {name && <Fact label="Full name">{name}</Fact>}
      {nickname && <Fact label="Nickname">{nickname}</Fact>}
      {card?.organisationUnit && <Fact label="Department">{card.organisationUnit}</Fact>}
      {addresses.map((a, i) => (
        <Fact key={i} label={a.label ? `${a.label} address` : 'Address'}>
          <address className="postal" role="group" aria-label={a.label ? `${a.label} address` : 'Address'}>{a.lines.map((l, j) => <div key={j}>{l}</div>)}</address>
        </Fact>
      ))}
    </>
  );
}
