import { z } from 'zod';
import { lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { organisationInputSchema, type Organisation } from '../domain/entities.ts';
import { RapportError, notFound } from '../domain/errors.ts';
import { patchSchema } from '../domain/patch.ts';
import {
  deleteOrganisationRow, deriveInsideOrganisation, insertOrganisation, listOrganisations, loadOrganisation, organisationContactIds,
  organisationContacts, organisationIdByName, updateOrganisationRow,
} from '../store/repositories/organisations.repository.ts';
import type { Store } from '../store/store.ts';
import { defineOperation, idParam, pageSchema, type Page } from './operation.ts';
import { pageOf } from './schemas/common.ts';
import { organisationDeleteOutput, organisationDetailOutput, organisationOutput } from './schemas/entities.ts';

export interface OrganisationDetail extends Organisation {
  contacts: { id: number; name: string; title: string | null }[];
}

async function assertNameFree(store: Store, name: string, selfId: number | null): Promise<void> {
  const existing = await organisationIdByName(store, name);
  if (existing === null || existing === selfId) return;
  const other = await loadOrganisation(store, existing);
  throw new RapportError('conflict', `name: an organisation named ${JSON.stringify(other?.name ?? name)} already exists (#${existing})`, {
    problems: [{ path: 'name', message: 'already exists', value: name }],
    candidates: [{ id: existing, label: other?.name ?? name }],
  });
}

async function getOrganisation(store: Store, id: number): Promise<OrganisationDetail> {
  const organisation = await loadOrganisation(store, id);
  if (!organisation) throw notFound('organisation', id);
  return { ...organisation, contacts: await organisationContacts(store, id) };
}

export const organisationCreate = defineOperation({
  name: 'organisation.create',
  conflicts: true,
  summary: 'Add an organisation; isMine marks my own, whose people count as inside',
  effect: 'write',
  input: organisationInputSchema,
  output: organisationOutput,
  http: { method: 'post', path: '/organisations' },
  run: async ({ store, clock }, input): Promise<Organisation> => {
    await assertNameFree(store, input.name, null);
    const id = await insertOrganisation(store, input, clock.now().toISOString());
    return (await loadOrganisation(store, id))!;
  },
});

export const organisationUpdate = defineOperation({
  name: 'organisation.update',
  conflicts: true,
  summary: 'Change some fields of an organisation; marking it mine moves its people inside unless set by hand',
  effect: 'write',
  input: patchSchema(organisationInputSchema).extend({ id: idParam }),
  output: organisationOutput,
  http: { method: 'patch', path: '/organisations/{id}' },
  run: async ({ store, clock }, { id, ...patch }): Promise<Organisation> => {
    const before = await loadOrganisation(store, id);
    if (!before) throw notFound('organisation', id);
    if (patch.name !== undefined) await assertNameFree(store, patch.name, id);
    await updateOrganisationRow(store, id, patch, clock.now().toISOString());
    if (patch.isMine !== undefined && patch.isMine !== before.isMine) await deriveInsideOrganisation(store, { organisationId: id });
    // The organisation's name is part of each of its contacts' search text.
    if (patch.name !== undefined && patch.name !== before.name) await store.search.reindex(store.db, store.workspaceId, await organisationContactIds(store, id));
    return (await loadOrganisation(store, id))!;
  },
});

export const organisationGet = defineOperation({
  name: 'organisation.get',
  summary: 'One organisation with its contacts',
  effect: 'read',
  input: z.object({ id: idParam }),
  output: organisationDetailOutput,
  http: { method: 'get', path: '/organisations/{id}' },
  run: ({ store }, { id }) => getOrganisation(store, id),
});

export const organisationList = defineOperation({
  name: 'organisation.list',
  summary: 'Organisations by name, with how many contacts each has; query filters by part of the name',
  effect: 'read',
  input: pageSchema.extend({ query: lineText(TEXT_LIMITS.name).optional() }),
  output: pageOf(organisationOutput),
  http: { method: 'get', path: '/organisations' },
  run: async ({ store }, { query, limit, offset }): Promise<Page<Organisation>> => ({ ...(await listOrganisations(store, { query, limit, offset })), limit, offset }),
});

export const organisationDelete = defineOperation({
  name: 'organisation.delete',
  summary: 'Delete an organisation; its contacts stay, without an organisation',
  effect: 'write',
  input: z.object({ id: idParam }),
  output: organisationDeleteOutput,
  http: { method: 'delete', path: '/organisations/{id}' },
  run: async ({ store }, { id }) => {
    if (!(await loadOrganisation(store, id))) throw notFound('organisation', id);
    const contactIds = await organisationContactIds(store, id);
    await deleteOrganisationRow(store, id);
    await deriveInsideOrganisation(store, { contactIds });
    await store.search.reindex(store.db, store.workspaceId, contactIds);
    return { deleted: id, contactsDetached: contactIds.length };
  },
});
