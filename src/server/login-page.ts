const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

// A plain form that works without JavaScript, so signing in never depends on the app bundle.
export function loginPage(o: { next: string; error: string | null; required: boolean }): string {
  const body = o.required
    ? `<form method="post" action="/auth/login">
<input type="hidden" name="next" value="${escapeHtml(o.next)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus${o.error ? ' aria-describedby="login-error" aria-invalid="true"' : ''}>
${o.error ? `<p id="login-error" class="error" role="alert">${escapeHtml(o.error)}</p>` : ''}
<button type="submit">Sign in</button>
</form>`
    : `<p>No password is set, so there is nothing to sign in to. <a href="${escapeHtml(o.next)}">Open Rapport</a>.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Rapport</title><link rel="stylesheet" href="/auth/login.css"></head>
<body><main><h1>Rapport</h1><p class="lede">Your networks, kept on purpose.</p>${body}</main></body></html>`;
}

export const LOGIN_CSS = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #5a6272; --bg: #f4f5f3; --card: #fff; --line: #cfd4db; --accent: #2c5d8f; --error: #a3262a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8ec; --muted: #a3aab8; --bg: #15181e; --card: #1d2129; --line: #3a414e; --accent: #8fb8e6; --error: #ff9b9b; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; min-height: 100vh; display: grid; place-items: center; }
main { box-sizing: border-box; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 2rem; width: min(22rem, 90vw); }
h1 { margin: 0; font-size: 1.5rem; } .lede { color: var(--muted); margin-top: 0.25rem; }
label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
input[type=password] { width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem; border: 1px solid var(--line); border-radius: 6px; background: transparent; color: inherit; }
button { margin-top: 1rem; font: inherit; padding: 0.5rem 1.25rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; cursor: pointer; }
@media (prefers-color-scheme: dark) { button { color: #10151c; } }
.error { color: var(--error); } a { color: var(--accent); }
`;
