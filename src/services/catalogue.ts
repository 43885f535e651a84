import type { Operation } from './operation.ts';
import { contactArchive, contactCreate, contactErase, contactGet, contactResolve, contactUpdate } from './contacts.service.ts';

// Every use case of Rapport by name. The CLI, the HTTP API (and so the web app) and the OpenAPI document come from this list.
export const CATALOGUE = [
  contactCreate, contactUpdate, contactGet, contactResolve, contactArchive, contactErase,
] as const satisfies readonly Operation[];

export type OperationName = (typeof CATALOGUE)[number]['name'];

export function findOperation(name: string): Operation | undefined {
  return (CATALOGUE as readonly Operation[]).find((op) => op.name === name);
}
