import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

// The address throttling counts by: the socket's peer, never a header a client could set (X-Forwarded-For).
// IPv6 is counted per /64, the block one machine can freely pick addresses from; an IPv4-mapped address is IPv4.
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage; server?: { incoming?: IncomingMessage } } | undefined;
  const raw = (env?.server?.incoming ?? env?.incoming)?.socket.remoteAddress;
  // app.request() in a test has no socket: all such requests count as one client.
  if (!raw) return 'unknown';
  return addressKey(raw);
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
