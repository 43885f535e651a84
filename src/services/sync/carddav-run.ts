import { RapportError } from '../../domain/errors.ts';
import type { ConnectionType } from '../../domain/connection-types.ts';
import { contactsWithHistory, forgetCard, recordIssue, resolveIssues, saveCard, type CardRow, type CardState } from '../../store/repositories/carddav-cards.repository.ts';
import { updateContactRow, loadContacts } from '../../store/repositories/contacts.repository.ts';
import { photosOf } from '../../store/repositories/export.repository.ts';
import type { ExportContact, VcardVersion } from '../../io/vcard-write.ts';
import { contactErase } from '../contacts.service.ts';
import type { ServiceContext } from '../operation.ts';
import { settingsAndDefaults } from '../support/settings.ts';
import type { ConnectedAccount, SyncResult } from './account-syncer.ts';
import { applyFields } from './carddav-apply.ts';
import { fieldsEqual, mergeFields, readCard, renderContact, uidOf, versionOf, withoutKeptLines } from './carddav-cards.ts';
import { deleteCard, fetchCard, putCard, type RemoteCard } from './carddav-client.ts';
import type { DavSession } from './dav-http.ts';

// What a PUT left to remember: the card as sent (the server's copy) and the hash of Rapport's own rendering (what
// the next sync compares the contact with), or the server's 412.
type Sent = { ok: false } | { ok: true; etag: string | null; vcard: string; hash: string };

// One sync's shared state and the steps it takes per card; carddav-syncer.ts decides which step each card needs.
// No step holds a transaction across a request to the server: what it reads comes first, then the request, then
// a short write transaction (a `rapport` command run meanwhile writes without waiting for the server).
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

  // One short write transaction.
  write<T>(fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
    return this.ctx.store.transaction((store) => fn({ ...this.ctx, store }));
  }

  async contact(id: number): Promise<ExportContact | null> {
    const { defaults } = await settingsAndDefaults(this.ctx.store);
    const [c] = await loadContacts(this.ctx.store, [id], defaults);
    if (!c) return null;
    return { ...c, photo: (await photosOf(this.ctx.store, [id])).get(id) ?? null };
  }

  fail(item: string, message: string): void {
    this.result.errors.push({ item, message: `account ${JSON.stringify(this.account.name)}, card ${item}: ${message}` });
  }

  // Rapport's card sent to the server. A server that refuses it (400: a line kept verbatim from a vCard 2.1 file
  // it cannot read; 409: a kept UID another card of the address book has) is sent the card without the kept lines;
  // Rapport keeps them, and says so. Refused again: an error naming the account, the card and the server's reason.
  async send(href: string, contact: ExportContact, version: VcardVersion, etag: string | null, uid: string | null): Promise<Sent> {
    const out = renderContact(contact, version, uid);
    let put = await putCard(this.session, href, out.text, etag);
    this.wrote = true;
    if (put.status === 412) return { ok: false };
    if (!put.refused) return { ok: true, etag: put.etag, vcard: out.text, hash: out.hash };
    const first = put.refused;
    const plain = renderContact(withoutKeptLines(contact, uid), version);
    if (plain.text !== out.text) {
      put = await putCard(this.session, href, plain.text, etag);
      if (put.status === 412) return { ok: false };
      if (!put.refused) {
        (this.result.review ??= []).push(`${contact.name} (card ${href}): account ${JSON.stringify(this.account.name)} refused the card with the properties Rapport kept from its source (${first}); sent without them, and Rapport keeps them`);
        return { ok: true, etag: put.etag, vcard: plain.text, hash: out.hash };
      }
    }
    throw new RapportError('invalid', `account ${JSON.stringify(this.account.name)}: the server refused card ${href} of ${JSON.stringify(contact.name)} (${put.refused}); it stays in Rapport and is tried again at the next sync`);
  }

  // Both sides may have moved since `base` (the card as last agreed): merge field by field, write the result to
  // whichever side lacks it, and remember the new agreement. A field both changed differently is listed, not guessed.
  async reconcile(href: string, base: string, contactId: number, localChanged: boolean, remote: RemoteCard, retried = false): Promise<void> {
    const contact = await this.contact(contactId);
    if (!contact) return;
    const version = versionOf(remote.data);
    const uid = uidOf(remote.data) ?? uidOf(base);
    const baseCard = readCard(base, href, this.customTypes);
    const remoteCard = readCard(remote.data, href, this.customTypes);
    const rendered = renderContact(contact, version, uid);
    const localCard = readCard(rendered.text, href, this.customTypes);
    if (!remoteCard.ok) {
      this.result.skipped++;
      this.fail(href, `the server's card cannot be read (${remoteCard.reason}); it is left as it is: correct it in your address book app`);
      return;
    }
    if (!localCard.ok) throw new Error(`Rapport wrote a card it cannot read back for contact ${contactId}: ${localCard.reason}`);
    const merged = mergeFields(baseCard.ok ? baseCard.fields : remoteCard.fields, localCard.fields, remoteCard.fields, localChanged);
    if (merged.conflicts.length) {
      await this.write((ctx) => recordIssue(ctx.store, { account_id: this.account.id, contact_id: contactId, kind: 'conflict', item: href, detail: JSON.stringify({ etag: remote.etag, fields: merged.conflicts }) }, this.now));
      this.result.conflicts++;
      return;
    }
    let changed = false;
    const applied = !fieldsEqual(merged.fields, localCard.fields);
    await this.write(async (ctx) => {
      await resolveIssues(ctx.store, this.account.id, href, 'conflict', this.now);
      if (applied) await applyFields(ctx, contactId, merged.fields, localCard.fields);
    });
    if (applied) changed = true;
    const after = changed ? (await this.contact(contactId))! : contact;
    const out = changed ? renderContact(after, version, uid) : rendered;
    const outCard = readCard(out.text, href, this.customTypes);
    let agreed: CardState = { contact_id: contactId, href, etag: remote.etag, vcard: remote.data, local_hash: out.hash };
    if (!outCard.ok || !fieldsEqual(outCard.fields, remoteCard.fields)) {
      const put = await this.send(href, after, version, remote.etag, uid);
      if (!put.ok) {
        // Changed again on the server while we merged: read it once more and merge again, then give up for this run.
        const again = retried ? null : await fetchCard(this.session, href);
        if (again) return this.reconcile(href, base, contactId, localChanged || changed, again, true);
        this.fail(href, 'it changed on the server again while Rapport was writing it (412); the next sync merges it');
        return;
      }
      agreed = { ...agreed, etag: put.etag, vcard: put.vcard, local_hash: put.hash };
      changed = true;
    }
    await this.write((ctx) => saveCard(ctx.store, this.account.id, agreed, this.now));
    if (changed) this.result.updated++;
  }

  // Only Rapport changed: send its card, unless the server's changed meanwhile (412), then merge.
  async push(row: CardRow, contact: ExportContact, version: VcardVersion): Promise<void> {
    const put = await this.send(row.href, contact, version, row.etag, uidOf(row.vcard));
    if (!put.ok) {
      const remote = await fetchCard(this.session, row.href);
      if (!remote) return this.goneOnServer(row, true);
      return this.reconcile(row.href, row.vcard, contact.id, true, remote);
    }
    await this.write((ctx) => saveCard(ctx.store, this.account.id, { contact_id: contact.id, href: row.href, etag: put.etag, vcard: put.vcard, local_hash: put.hash }, this.now));
    this.result.updated++;
  }

  // The card was deleted on the server. A contact with Rapport history (interactions, goals) or with changes not yet
  // sent is archived and listed, never erased; one with neither goes as the card did.
  async goneOnServer(row: CardRow, localChanged: boolean): Promise<void> {
    const id = row.contact_id;
    await this.write(async (ctx) => {
      if (id !== null) {
        this.settled.add(id);
        const history = await contactsWithHistory(ctx.store, [id]);
        if (history.has(id) || localChanged) {
          await updateContactRow(ctx.store, id, { archived: 1, updated_at: this.now });
          const why = history.has(id) ? 'it has interactions or goals in Rapport' : 'it had changes in Rapport not yet sent';
          await recordIssue(ctx.store, { account_id: this.account.id, contact_id: id, kind: 'deleted-on-server', item: row.href, detail: JSON.stringify({ reason: `deleted on the server; archived, not erased, because ${why}` }) }, this.now);
          this.result.archived++;
        } else {
          await contactErase.run(ctx, { ids: [id] });
          this.result.deleted++;
        }
      }
      await forgetCard(ctx.store, this.account.id, row.href);
    });
  }

  // The contact was erased in Rapport: its card goes too, unless someone changed it on the server meanwhile.
  async goneInRapport(row: CardRow): Promise<void> {
    const status = await deleteCard(this.session, row.href, row.etag);
    this.wrote = true;
    await this.write((ctx) => forgetCard(ctx.store, this.account.id, row.href));
    if (status === 412) this.fail(row.href, 'its contact was erased in Rapport, but the card changed on the server since; it is kept there and comes back at the next sync');
    else this.result.deleted++;
  }

  // A contact Rapport has and the server does not: uploaded under a name made from its id, so an upload repeated
  // after an interrupted sync finds its own card (412 on If-None-Match) instead of making a second one. Returns the
  // card to remember (the caller writes a batch of them in one transaction), or null when a merge already did.
  async upload(contact: ExportContact): Promise<CardState | null> {
    const href = new URL(`rapport-${contact.id}.vcf`, this.collection).href;
    const put = await this.send(href, contact, '3.0', null, null);
    if (!put.ok) {
      const there = await fetchCard(this.session, href);
      const theirs = there && uidOf(there.data);
      // Ours if it has the UID Rapport gives this contact: its kept one, or (sent without kept lines) Rapport's own.
      const ours = [uidOf(renderContact(contact, '3.0').text), `urn:rapport:contact:${contact.id}`];
      if (!there || !theirs || !ours.includes(theirs)) {
        throw new RapportError('conflict', `account ${JSON.stringify(this.account.name)}: another card already has the name ${href}; rename or delete it on the server`);
      }
      await this.reconcile(href, there.data, contact.id, true, there);
      return null;
    }
    return { contact_id: contact.id, href, etag: put.etag, vcard: put.vcard, local_hash: put.hash };
  }
}
