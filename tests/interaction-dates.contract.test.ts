import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { contactCreate } from '../src/services/contacts.service.ts';
import { interactionList, interactionLog } from '../src/services/interactions.service.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

// The clock stands at 2026-11-23 noon UTC: tomorrow is 2026-11-24.
describe.each(DIALECTS)('when an interaction can be dated, on %s', (dialect) => {
  let t: TestContext;
  let ada: number;
  beforeEach(async () => {
    t = await testContext(dialect);
    ada = (await t.run(contactCreate, { name: 'Ada Lovelace' })).contact.id;
  });
  afterEach(async () => { await t.close(); });

  const log = (occurredAt: string) => t.run(interactionLog, { contactIds: [ada], occurredAt, kind: 'call' });
  const timeline = async () => (await t.run(interactionList, { contactId: ada })).items.map((i) => i.occurredAt.slice(0, 10));

  it('takes the past, today and tomorrow (somewhere it already is)', async () => {
    await log('2020-01-01');
    await log('2026-11-23');
    await log('2026-11-24T23:30:00Z');
    expect(await timeline()).toEqual(['2026-11-24', '2026-11-23', '2020-01-01']);
  });

  it.each(['2026-11-25', '2300-09-21', '2026-11-25T00:00:00Z'])('refuses %s, naming the field, and stores nothing', async (day) => {
    const error = await log(day).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).code).toBe('invalid');
    expect((error as RapportError).problems.map((p) => p.path)).toEqual(['occurredAt']);
    expect((error as RapportError).message).toContain('cannot be dated after 2026-11-24');
    expect(await timeline()).toEqual([]);
  });
});
