import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

// The address throttling counts by: the socket's peer, never a header a client could set (X-Forwarded-For).
// An IPv4-mapped address counts as the IPv4 address.
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage; server?: { incoming?: IncomingMessage } } | undefined;
  const raw = (env?.server?.incoming ?? env?.incoming)?.socket.remoteAddress;
  // app.request() in a test has no socket: all such requests count as one client.
  if (!raw) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  return mapped ? mapped[1]! : raw;
}

// The block one machine can freely pick addresses from: an IPv6 /64 (privacy addresses), an IPv4 address alone.
// Back-off counts each address; the overall back-off holds back every network a failure came from, so a guesser
// cycling through its /64 is not a fresh client each time.
export function networkOf(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
