import { z } from 'zod';
import { invalid, notFound } from '../../domain/errors.ts';
import { idParam, lineText, TEXT_LIMITS } from '../../domain/limits.ts';
import { cardsOfAccount, issueById, markIssueResolved, openIssues, setCardBase } from '../../store/repositories/carddav-cards.repository.ts';
import { loadContacts } from '../../store/repositories/contacts.repository.ts';
import { photosOf } from '../../store/repositories/export.repository.ts';
import { defineOperation } from '../operation.ts';
import { settingsAndDefaults } from '../support/settings.ts';
import { renderContact, uidOf, versionOf } from './carddav-cards.ts';
import { accountByName } from '../../store/repositories/connected-accounts.repository.ts';

const issueView = z.object({
  id: z.number(), account: z.string(), kind: z.enum(['conflict', 'deleted-on-server']), item: z.string(),
  contactId: z.number().nullable(), contact: z.string().nullable(), createdAt: z.string(),
  // For a conflict: each field both sides changed, with Rapport's value and the server's.
  // A field's value on each side as shown: text as it is; a list (emails, phones) or the card as JSON text; null when unset.
  fields: z.array(z.object({ field: z.string(), rapport: z.string().nullable(), server: z.string().nullable() })),
  reason: z.string().nullable(),
});

const shown = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export const syncConflicts = defineOperation({
  name: 'sync.conflicts',
  summary: 'What a sync could not decide alone: fields both sides changed, and contacts archived because their card was deleted on the server',
  effect: 'read',
  input: z.object({ account: lineText(TEXT_LIMITS.label).optional() }),
  output: z.array(issueView),
  http: { method: 'get', path: '/sync/conflicts' },
  async run({ store }, { account }) {
    // A filter naming no account is a wrong filter (422), not a missing resource.
    const found = account === undefined ? undefined : await accountByName(store, account);
    if (account !== undefined && !found) throw invalid('account', 'no connected account of that name (see `rapport sync list`)', account);
    const accountId = found?.id;
    return (await openIssues(store, accountId)).map((i) => {
      const detail = JSON.parse(i.detail) as { fields?: { field: string; rapport: unknown; server: unknown }[]; reason?: string };
      return { id: i.id, account: i.account, kind: i.kind, item: i.item, contactId: i.contact_id, contact: i.contact, createdAt: i.created_at, fields: (detail.fields ?? []).map((f) => ({ field: f.field, rapport: shown(f.rapport), server: shown(f.server) })), reason: detail.reason ?? null };
    });
  },
});

// The side kept wins at the next sync: keeping Rapport's makes the server's card count as already seen, so
// Rapport's is sent; keeping the server's makes Rapport's count as already sent, so the server's is applied.
export const syncResolve = defineOperation({
  name: 'sync.resolve',
  summary: 'Settle a sync conflict by keeping Rapport\'s or the server\'s version of the card (applied at the next sync), or dismiss an archived-contact notice',
  effect: 'write',
  journal: 'none',
  input: z.object({ id: idParam, keep: z.enum(['rapport', 'server']).default('rapport') }),
  output: z.object({ id: z.number(), kept: z.enum(['rapport', 'server']) }),
  http: { method: 'post', path: '/sync/conflicts/{id}/resolve' },
  async run({ store, clock }, { id, keep }) {
    const issue = await issueById(store, id);
    if (!issue || issue.resolved_at !== null) throw notFound('open sync conflict', id);
    if (issue.kind === 'conflict') {
      const { etag } = JSON.parse(issue.detail) as { etag: string | null };
      if (keep === 'rapport') await setCardBase(store, issue.account_id, issue.item, { etag });
      else {
        const row = (await cardsOfAccount(store, issue.account_id)).find((r) => r.href === issue.item);
        const { defaults } = await settingsAndDefaults(store);
        const [c] = issue.contact_id === null ? [] : await loadContacts(store, [issue.contact_id], defaults);
        if (row && c) {
          const photo = (await photosOf(store, [c.id])).get(c.id) ?? null;
          await setCardBase(store, issue.account_id, issue.item, { local_hash: renderContact({ ...c, photo }, versionOf(row.vcard), uidOf(row.vcard)).hash });
        }
      }
    }
    await markIssueResolved(store, id, clock.now().toISOString());
    return { id, kept: keep };
  },
});
