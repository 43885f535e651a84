import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { RapportError } from '../domain/errors.ts';
import { bearerOf, type AuthGate } from './auth-gate.ts';
import { clientAddress } from './client-address.ts';
import { LOGIN_CSS, loginPage } from './login-page.ts';
import { problemOf, problemResponse, transportProblem } from './problem.ts';
import { SESSION_COOKIE, SESSION_DAYS } from './sessions.ts';

// Only a path on this server: an absolute URL in ?next= would make the login form an open redirect.
const safeNext = (next: string | undefined): string => (next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/');

const isHttps = (c: Context): boolean => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

const tooManyTries = (seconds: number): string =>
  `Too many wrong passwords or tokens from this address: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;

export function mountLogin(app: Hono, gate: AuthGate): void {
  app.get('/auth/login.css', (c) => c.body(LOGIN_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }));
  app.get('/auth/login', (c) => c.html(loginPage({ next: safeNext(c.req.query('next')), error: null, required: gate.required })));
  app.post('/auth/login', async (c) => {
    const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    if (!gate.required) return c.redirect(next, 303);
    const verdict = await gate.checkPassword(clientAddress(c), password);
    if (!verdict.ok && verdict.retryAfter !== null) {
      c.header('Retry-After', String(verdict.retryAfter));
      return c.html(loginPage({ next, error: tooManyTries(verdict.retryAfter), required: true }), 429);
    }
    if (!verdict.ok) return c.html(loginPage({ next, error: 'That password is not right.', required: true }), 401);
    setCookie(c, SESSION_COOKIE, gate.sessions.create(), {
      httpOnly: true, sameSite: 'Strict', path: '/', secure: isHttps(c), maxAge: SESSION_DAYS * 86_400,
    });
    return c.redirect(next, 303);
  });
  app.post('/auth/logout', (c) => {
    gate.sessions.end(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/auth/login', 303);
  });
}

// Every other request passes here. The calendar feed may carry ?token=, since calendar apps send no headers.
export function requireAuth(gate: AuthGate): MiddlewareHandler {
  return async (c, next) => {
    const queryToken = c.req.path === '/calendar.ics' ? (c.req.query('token') ?? null) : null;
    const verdict = await gate.allows(clientAddress(c), bearerOf(c.req.header('authorization')) ?? queryToken, getCookie(c, SESSION_COOKIE));
    if (verdict.ok) return next();
    if (verdict.retryAfter !== null) {
      c.header('Retry-After', String(verdict.retryAfter));
      return problemResponse(c, transportProblem('too_many_requests', tooManyTries(verdict.retryAfter)));
    }
    if (c.req.path.startsWith('/api/') || c.req.path === '/calendar.ics' || !(c.req.header('accept') ?? '').includes('text/html')) {
      c.header('WWW-Authenticate', 'Bearer realm="rapport"');
      return problemResponse(c, problemOf(new RapportError('unauthorized', 'Sign in at /auth/login, or send Authorization: Bearer <token>.')));
    }
    return c.redirect(`/auth/login?next=${encodeURIComponent(c.req.path)}`, 303);
  };
}
