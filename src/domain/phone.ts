import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js';

// A region Rapport reads national numbers in: an ISO 3166 code libphonenumber knows ("FR", "NL", "US").
export const isPhoneRegion = (code: string): boolean => /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);

// "fr_FR.UTF-8" (LANG), "en-GB" (Intl) → "FR", "GB"; null when the locale names no country ("C.UTF-8", "en").
export function regionOfLocale(locale: string | null | undefined): string | null {
  const m = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(locale ?? '');
  const code = m?.[1]?.toUpperCase() ?? null;
  return code && isPhoneRegion(code) ? code : null;
}

// The number a phone stands for, for matching only (what the user typed stays what is shown): E.164 when
// libphonenumber can read it with the default region ("+33 1 23 45 67 89" and "01 23 45 67 89" in FR both give
// "+33123456789"); otherwise its digits, which never start with "+" and so never equal an E.164 key.
// Extensions are dropped: a switchboard and its extension are one person's number often enough.
export function phoneMatchKey(phone: string, region: string | null): string {
  const bare = phone.replace(/\s*(x|ext\.?)\s*\d+$/i, '');
  const parsed = /\d/.test(bare) ? parsePhoneNumberFromString(bare, region ? { defaultCountry: region as CountryCode } : undefined) : undefined;
  if (parsed?.isPossible()) return parsed.number;
  const digits = bare.replace(/\D/g, '');
  return digits.length > 10 ? digits.slice(-10) : digits;
}
