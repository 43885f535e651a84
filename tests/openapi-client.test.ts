import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../src/server/openapi.ts';
import { AUTH_OPERATIONS } from '../src/services/auth.service.ts';
import { CATALOGUE } from '../src/services/catalogue.ts';
import type { Operation } from '../src/services/operation.ts';

const ROOT = resolve(import.meta.dirname, '..');

// A client someone else generates from the published document, as they would: openapi-typescript, then tsc.
// The file below uses it the way a client does, and holds the generated record types equal (both ways) to the
// types of Rapport's own output schemas, so the document and the API's answers cannot part.
const USE_CLIENT = (generated: string) => `
import type { components, paths } from ${JSON.stringify(generated)};
import type { contactGet } from ${JSON.stringify(join(ROOT, 'src/services/contacts.service.ts'))};
import type { interactionLog } from ${JSON.stringify(join(ROOT, 'src/services/interactions.service.ts'))};
import type { today } from ${JSON.stringify(join(ROOT, 'src/services/today.service.ts'))};
import type { OutputOf } from ${JSON.stringify(join(ROOT, 'src/services/operation.ts'))};

type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const yes = <T extends true>(t: T): T => t;

export function names(page: Json<'/contacts', 'get'>): string[] {
  return page.items.map((c) => c.name + (c.nextDueOn ?? ''));
}
export function nextDue(contact: components['schemas']['Contact']): string | null {
  return contact.nextDueOn;
}
export const todayTotal = (view: Json<'/today', 'get'>): number => view.followUpsTotal + view.keepInTouchTotal;

yes<Same<components['schemas']['Contact'], OutputOf<typeof contactGet>>>(true);
yes<Same<components['schemas']['Interaction'], OutputOf<typeof interactionLog>>>(true);
yes<Same<Json<'/today', 'get'>, OutputOf<typeof today>>>(true);
`;

describe('a client generated from the OpenAPI document', () => {
  it('compiles, and its record types are those of the output schemas', async () => {
    const doc = buildOpenApi([...(CATALOGUE as readonly Operation[]), ...AUTH_OPERATIONS], '0.0.0');
    const dir = mkdtempSync(join(tmpdir(), 'rapport-client-'));
    try {
      const generated = join(dir, 'rapport-api.ts');
      writeFileSync(generated, astToString(await openapiTS(structuredClone(doc) as never)));
      const client = join(dir, 'client.ts');
      writeFileSync(client, USE_CLIENT(generated));
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const args = ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), client];
      let output = '';
      try {
        execFileSync(process.execPath, [tsc, ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        output = String((e as { stdout?: string }).stdout ?? e);
      }
      expect(output).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
