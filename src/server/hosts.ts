import { hostname as machineName, networkInterfaces } from 'node:os';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4747;

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const isWildcard = (host: string): boolean => host === '0.0.0.0' || host === '::' || host === '[::]';

// "Example.org:4173" → "example.org", "[::1]:4173" → "::1".
export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']'));
  return h.replace(/:\d*$/, '').replace(/\.$/, '');
}

// The names a browser may use to reach us. Anything else in a Host header is a DNS-rebinding attempt (or a
// proxy that needs --allowed-host), since a foreign page can point its own name at 127.0.0.1 but not change Host.
export function allowedHostNames(bindHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(['localhost', '127.0.0.1', '::1']);
  const add = (n: string): void => void names.add(hostnameOf(n));
  add(bindHost);
  if (!isLoopback(bindHost)) add(machineName());
  if (isWildcard(bindHost)) {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) add(i.address);
    add(`${machineName()}.local`);
  }
  for (const e of extra) add(e);
  names.delete('0.0.0.0');
  names.delete('::');
  return names;
}
