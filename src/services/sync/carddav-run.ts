import { RapportError } from '../../domain/errors.ts';
import type { ConnectionType } from '../../domain/connection-types.ts';
import { contactsWithHistory, forgetCard, recordIssue, resolveIssues, saveCard, type CardRow } from '../../store/repositories/carddav-cards.repository.ts';
import { updateContactRow, loadContacts } from '../../store/repositories/contacts.repository.ts';
import { photosOf } from '../../store/repositories/export.repository.ts';
import type { ExportContact, VcardVersion } from '../../io/vcard-write.ts';
import { contactErase } from '../contacts.service.ts';
import type { ServiceContext } from '../operation.ts';
import { settingsAndDefaults } from '../support/settings.ts';
import type { ConnectedAccount, SyncResult } from './account-syncer.ts';
import { applyFields } from './carddav-apply.ts';
import { fieldsEqual, mergeFields, readCard, renderContact } from './carddav-cards.ts';
import { deleteCard, fetchCard, putCard, type RemoteCard } from './carddav-client.ts';
import type { DavSession } from './dav-http.ts';

// One sync's shared state and the steps it takes per card; carddav-syncer.ts decides which step each card needs.
export class CarddavRun {
  readonly result: SyncResult;
  wrote = false;
  // Contacts this run archived or erased because their card went: not uploaded again in the same run.
  readonly settled = new Set<number>();
  constructor(
    readonly ctx: ServiceContext, readonly account: ConnectedAccount, readonly session: DavSession, readonly collection: string,
    readonly customTypes: ConnectionType[], result: SyncResult,
  ) { this.result = result; }

  get now(): string { return this.ctx.clock.now().toISOString(); }

  async contact(id: number): Promise<ExportContact | null> {
    const { defaults } = await settingsAndDefaults(this.ctx.store);
    const [c] = await loadContacts(this.ctx.store, [id], defaults);
    if (!c) return null;
    return { ...c, photo: (await photosOf(this.ctx.store, [id])).get(id) ?? null };
  }

  fail(item: string, message: string): void {
    this.result.errors.push({ item, message: `account ${JSON.stringify(this.account.name)}, card ${item}: ${message}` });
  }

  // Both sides may have moved since `base` (the card as last agreed): merge field by field, write the result to
  // whichever side lacks it, and remember the new agreement. A field both changed differently is listed, not guessed.
  async reconcile(href: string, base: string, contactId: number, localChanged: boolean, remote: RemoteCard, retried = false): Promise<void> {
    const contact = await this.contact(contactId);
    if (!contact) return;
    const version: VcardVersion = /^VERSION:4\.0/im.test(remote.data) ? '4.0' : '3.0';
    const baseCard = readCard(base, href, this.customTypes);
    const remoteCard = readCard(remote.data, href, this.customTypes);
    const rendered = renderContact(contact, version);
    const localCard = readCard(rendered.text, href, this.customTypes);
    if (!remoteCard.ok) {
      this.result.skipped++;
      this.fail(href, `the server's card cannot be read (${remoteCard.reason}); it is left as it is: correct it in your address book app`);
      return;
    }
    if (!localCard.ok) throw new Error(`Rapport wrote a card it cannot read back for contact ${contactId}: ${localCard.reason}`);
    const merged = mergeFields(baseCard.ok ? baseCard.fields : remoteCard.fields, localCard.fields, remoteCard.fields, localChanged);
    if (merged.conflicts.length) {
      await recordIssue(this.ctx.store, { account_id: this.account.id, contact_id: contactId, kind: 'conflict', item: href, detail: JSON.stringify({ etag: remote.etag, fields: merged.conflicts }) }, this.now);
      this.result.conflicts++;
      return;
    }
    await resolveIssues(this.ctx.store, this.account.id, href, 'conflict', this.now);
    let changed = false;
    if (!fieldsEqual(merged.fields, localCard.fields)) {
      await applyFields(this.ctx, contactId, merged.fields, localCard.fields);
      changed = true;
    }
    const after = changed ? (await this.contact(contactId))! : contact;
    const out = changed ? renderContact(after, version) : rendered;
    const outCard = readCard(out.text, href, this.customTypes);
    let agreed = { vcard: remote.data, etag: remote.etag };
    if (!outCard.ok || !fieldsEqual(outCard.fields, remoteCard.fields)) {
      const put = await putCard(this.session, href, out.text, remote.etag);
      this.wrote = true;
      if (put.status === 412) {
        // Changed again on the server while we merged: read it once more and merge again, then give up for this run.
        const again = retried ? null : await fetchCard(this.session, href);
        if (again) return this.reconcile(href, base, contactId, localChanged || changed, again, true);
        this.fail(href, 'it changed on the server again while Rapport was writing it (412); the next sync merges it');
        return;
      }
      agreed = { vcard: out.text, etag: put.etag };
      changed = true;
    }
    await saveCard(this.ctx.store, this.account.id, { contact_id: contactId, href, etag: agreed.etag, vcard: agreed.vcard, local_hash: out.hash }, this.now);
    if (changed) this.result.updated++;
  }

  // Only Rapport changed: send its card, unless the server's changed meanwhile (412), then merge.
  async push(row: CardRow, contact: ExportContact, version: VcardVersion): Promise<void> {
    const out = renderContact(contact, version);
    const put = await putCard(this.session, row.href, out.text, row.etag);
    this.wrote = true;
    if (put.status === 412) {
      const remote = await fetchCard(this.session, row.href);
      if (!remote) return this.goneOnServer(row, true);
      return this.reconcile(row.href, row.vcard, contact.id, true, remote);
    }
    await saveCard(this.ctx.store, this.account.id, { contact_id: contact.id, href: row.href, etag: put.etag, vcard: out.text, local_hash: out.hash }, this.now);
    this.result.updated++;
  }

  // The card was deleted on the server. A contact with Rapport history (interactions, goals) or with changes not yet
  // sent is archived and listed, never erased; one with neither goes as the card did.
  async goneOnServer(row: CardRow, localChanged: boolean): Promise<void> {
    const id = row.contact_id;
    if (id !== null) {
      this.settled.add(id);
      const history = await contactsWithHistory(this.ctx.store, [id]);
      if (history.has(id) || localChanged) {
        await updateContactRow(this.ctx.store, id, { archived: 1, updated_at: this.now });
        const why = history.has(id) ? 'it has interactions or goals in Rapport' : 'it had changes in Rapport not yet sent';
        await recordIssue(this.ctx.store, { account_id: this.account.id, contact_id: id, kind: 'deleted-on-server', item: row.href, detail: JSON.stringify({ reason: `deleted on the server; archived, not erased, because ${why}` }) }, this.now);
        this.result.archived++;
      } else {
        await contactErase.run(this.ctx, { ids: [id] });
        this.result.deleted++;
      }
    }
    await forgetCard(this.ctx.store, this.account.id, row.href);
  }

  // The contact was erased in Rapport: its card goes too, unless someone changed it on the server meanwhile.
  async goneInRapport(row: CardRow): Promise<void> {
    const status = await deleteCard(this.session, row.href, row.etag);
    this.wrote = true;
    await forgetCard(this.ctx.store, this.account.id, row.href);
    if (status === 412) this.fail(row.href, 'its contact was erased in Rapport, but the card changed on the server since; it is kept there and comes back at the next sync');
    else this.result.deleted++;
  }

  // A contact Rapport has and the server does not: uploaded under a name made from its id, so an upload repeated
  // after an interrupted sync finds its own card (412 on If-None-Match) instead of making a second one.
  async upload(contact: ExportContact): Promise<void> {
    const href = new URL(`rapport-${contact.id}.vcf`, this.collection).href;
    const out = renderContact(contact, '3.0');
    const put = await putCard(this.session, href, out.text, null);
    this.wrote = true;
    if (put.status === 412) {
      const there = await fetchCard(this.session, href);
      const ours = there && readCard(there.data, href, this.customTypes);
      const uid = readCard(out.text, href, this.customTypes);
      if (!there || !ours?.ok || !uid.ok || ours.uid !== uid.uid) {
        throw new RapportError('conflict', `account ${JSON.stringify(this.account.name)}: another card already has the name ${href}; rename or delete it on the server`);
      }
      return this.reconcile(href, there.data, contact.id, true, there);
    }
    await saveCard(this.ctx.store, this.account.id, { contact_id: contact.id, href, etag: put.etag, vcard: out.text, local_hash: out.hash }, this.now);
    this.result.created++;
  }
}
