import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './support/server-app.ts';

// The outreach operations reach the HTTP API (and so the web composer) through the catalogue alone.
let s: TestServer;
beforeEach(async () => { s = await testServer(); });
afterEach(async () => { await s.close(); });

const json = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status).toBe(status);
  return (await res.json()) as T;
};

describe('outreach over HTTP', () => {
  it('composes, lints, sends and lists sent messages', async () => {
    await s.send('PATCH', '/api/settings', { myName: 'Sam Rivera' });
    const { contact } = await json<{ contact: { id: number } }>(await s.send('POST', '/api/contacts', { name: 'Ana Ruiz', emails: ['ana@example.org'] }));
    const draft = await json<{ text: string; subject: string; missing: string[]; hints: Record<string, string> }>(
      await s.send('POST', '/api/drafts/compose', { contactId: contact.id, template: 'thanks-after-connecting', values: { theirWork: 'post on hiring', lastTopic: 'juniors' } }),
    );
    expect(draft.missing).toEqual([]);
    const lint = await json<{ findings: { rule: string }[]; blocking: boolean }>(await s.send('POST', '/api/drafts/lint', { text: 'Hi {{firstName}}' }));
    expect(lint.blocking).toBe(true);
    const sent = await json<{ eml: string; emlFileName: string }>(
      await s.send('POST', '/api/drafts/send', { contactId: contact.id, subject: draft.subject, text: draft.text, via: 'eml', template: 'thanks-after-connecting' }),
    );
    expect(sent.emlFileName).toBe('2026-11-23-ana-ruiz.eml');
    expect(sent.eml).toContain('To: Ana Ruiz <ana@example.org>\r\n');
    const history = await json<{ subject: string }[]>(await s.request(`/api/contacts/${contact.id}/sent-messages`));
    expect(history.map((m) => m.subject)).toEqual(['Thanks for connecting']);
    const today = await json<{ items: unknown[] }>(await s.request('/api/outreach/today'));
    expect(today.items).toEqual([]);
  });

  it('saves, reads and deletes templates by key, refusing a blocked send with a problem naming the rule', async () => {
    const template = { key: 'short-hello', name: 'Short hello', parts: { greeting: 'Hi {{firstName}},', context: 'We met at {{eventName}}.', intent: 'Coffee soon?', closing: 'Sam' } };
    await json(await s.send('POST', '/api/templates', template));
    expect((await json<{ origin: string }>(await s.request('/api/templates/short-hello'))).origin).toBe('custom');
    expect((await json<{ key: string }[]>(await s.request('/api/templates'))).map((t) => t.key)).toContain('short-hello');
    await json(await s.send('DELETE', '/api/templates/short-hello'));
    expect((await s.request('/api/templates/short-hello')).status).toBe(404);

    const { contact } = await json<{ contact: { id: number } }>(await s.send('POST', '/api/contacts', { name: 'Bo' }));
    const refused = await json<{ code: string; problems: { path: string; message: string }[] }>(
      await s.send('POST', '/api/drafts/send', { contactId: contact.id, text: 'Hi Bo, about [topic?]. Coffee?', via: 'clipboard' }), 422,
    );
    expect(refused.code).toBe('invalid');
    expect(refused.problems[0]).toMatchObject({ path: 'text', message: expect.stringContaining('unfilled-placeholder') });
  });
});
