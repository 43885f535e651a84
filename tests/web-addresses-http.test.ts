import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './support/server-app.ts';

// Finding 4 of issue 10: a website or web link that would run script when clicked is refused at the API.
describe('web addresses through the API', () => {
  let s: TestServer;
  beforeEach(async () => { s = await testServer(); });
  afterEach(async () => { await s.close(); });

  it.each(['javascript:alert(20)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'mailto:'])('refuses %s as an organisation website or a contact web link', async (bad) => {
    const org = await s.send('POST', '/api/organisations', { name: 'Evil Corp', website: bad });
    expect(org.status).toBe(422);
    expect(org.headers.get('content-type')).toBe('application/problem+json');
    expect((await org.json() as { problems: { path: string; message: string }[] }).problems[0]).toMatchObject({ path: 'website', message: expect.stringMatching(/http, https or mailto/) as unknown });
    const contact = await s.send('POST', '/api/contacts', { name: 'Eve', webLinks: [bad] });
    expect(contact.status).toBe(422);
    expect((await contact.json() as { problems: { path: string }[] }).problems[0]!.path).toBe('webLinks.0.url');
  });

  it('takes http, https and mailto, and a bare domain as https', async () => {
    const made = await s.send('POST', '/api/organisations', { name: 'Good Corp', website: 'good.example' });
    expect(made.status).toBe(200);
    const { id, website } = await made.json() as { id: number; website: string };
    expect(website).toBe('https://good.example');
    const edited = await s.send('PATCH', `/api/organisations/${id}`, { website: 'mailto:hello@good.example' });
    expect(await edited.json()).toMatchObject({ website: 'mailto:hello@good.example' });
    const bad = await s.send('PATCH', `/api/organisations/${id}`, { website: 'javascript:alert(20)' });
    expect(bad.status).toBe(422);
  });
});
