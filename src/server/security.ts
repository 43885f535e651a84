import type { MiddlewareHandler } from 'hono';
import { hostnameOf } from './hosts.ts';
import { RapportError } from '../domain/errors.ts';
import { problemOf, problemResponse } from './problem.ts';

// No inline script or style anywhere (Vite's build emits files), nothing from other origins, no framing.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Set before the handler runs, so they ride along when it creates its response: touching a finished response's
// headers would make @hono/node-server build a full Response object, which costs more than the rest of a request.
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with the sign-in form's POST.
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  await next();
};

const forbidden = (c: Parameters<MiddlewareHandler>[0], detail: string): Response => problemResponse(c, problemOf(new RapportError('forbidden', detail)));

function hostOfOrigin(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

// DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1 still sends "Host: evil.example".
export function hostCheck(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed.has(hostnameOf(header))) return forbidden(c, `This server does not answer to the name ${JSON.stringify(hostnameOf(header))}. Start it with --allowed-host if that name is yours.`);
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// A write from a page on another origin is refused even before auth (SameSite cookies already stop most of it).
// Browsers say where a request comes from in Sec-Fetch-Site; older ones only in Origin. Scripts and the CLI send
// neither, and pass: they are not a browser tricked by a page.
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    // "same-site" too is refused: another app on another localhost port is same-site.
    const foreign = site !== undefined ? site !== 'same-origin' && site !== 'none' : origin !== undefined && hostOfOrigin(origin) !== host;
    if (foreign) return forbidden(c, 'Writes from another origin are refused.');
  }
  await next();
};
