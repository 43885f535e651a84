import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportError } from '../src/domain/errors.ts';
import { runByName } from '../src/services/run-by-name.ts';
import type { OperationName } from '../src/services/catalogue.ts';
import { DIALECTS, testContext, type TestContext } from './support/stores.ts';

describe.each(DIALECTS)('running an operation by its name on %s', (dialect) => {
  let t: TestContext;
  beforeEach(async () => { t = await testContext(dialect); });
  afterEach(async () => { await t.close(); });

  it('runs it and answers its typed output', async () => {
    const { contact } = await runByName(t, 'contact.create', { name: 'Ada Lovelace', emails: ['ada@example.org'] });
    const again = await runByName(t, 'contact.get', { id: contact.id });
    // Typed by contact.get's output schema: these are fields of a Contact, checked by tsc as well as here.
    expect([again.id, again.name, again.emails[0]?.address, again.createdAt]).toEqual([contact.id, 'Ada Lovelace', 'ada@example.org', '2026-11-23T12:00:00.000Z']);
  });

  it('names an unknown operation in a not-found error', async () => {
    const error = await runByName(t, 'contact.fly' as OperationName, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RapportError);
    expect((error as RapportError).code).toBe('not_found');
    expect((error as RapportError).message).toContain('"contact.fly"');
  });
});
