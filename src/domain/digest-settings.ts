import { z } from 'zod';
import { emailAddressSchema } from './contact.ts';
import { lineText } from './limits.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const DIGEST_CHANNELS = ['email', 'webhook', 'ntfy'] as const;
export type DigestChannel = (typeof DIGEST_CHANNELS)[number];

// Intl knows every IANA zone the machine's ICU has; it throws a RangeError on anything else ("Europe/Paaris").
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

const httpUrl = z.string().trim().max(2000).refine((v) => /^https?:\/\/[^\s/]+/.test(v) && URL.canParse(v), {
  error: (i) => `not an http(s) address: ${JSON.stringify(i.input)}`,
});
const optional = <T extends z.ZodType>(t: T) => t.nullable().default(null);

// The digest's own settings (schedule and channels). Secrets (the SMTP password, the webhook secret) are not here:
// they live under their own keys (digest-secrets.ts), which backups never carry.
export const digestSettingsSchema = z.object({
  frequency: z.enum(['off', 'daily', 'weekly']).default('off'),
  hour: z.number().int().min(0, 'hour must be 0 to 23').max(23, 'hour must be 0 to 23').default(8),
  weekday: z.enum(WEEKDAYS).default('mon'),
  timeZone: z.string().trim().refine(isTimeZone, {
    error: (i) => `not an IANA time zone (e.g. Europe/Paris, America/New_York, UTC): ${JSON.stringify(i.input)}`,
  }).default('UTC'),
  email: z.object({
    enabled: z.boolean().default(false),
    to: optional(emailAddressSchema),
    from: optional(emailAddressSchema),
    host: optional(lineText(255).min(1, 'host is empty')),
    port: z.number().int().min(1).max(65535).default(587),
    // 'starttls': plain connection upgraded (and required) before login; 'tls': TLS from the first byte (465);
    // 'none': no encryption, for a relay on this machine.
    tls: z.enum(['starttls', 'tls', 'none']).default('starttls'),
    // Off only for a server with a self-signed certificate the user trusts.
    verifyCertificate: z.boolean().default(true),
    user: optional(lineText(255)),
  }).prefault({}),
  webhook: z.object({ enabled: z.boolean().default(false), url: optional(httpUrl) }).prefault({}),
  ntfy: z.object({ enabled: z.boolean().default(false), url: optional(httpUrl) }).prefault({}),
});
export type DigestSettings = z.output<typeof digestSettingsSchema>;
