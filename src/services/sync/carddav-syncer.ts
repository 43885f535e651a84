import { RapportError } from '../../domain/errors.ts';
import { cardsOfAccount, saveCard, type CardState } from '../../store/repositories/carddav-cards.repository.ts';
import { updateAccount } from '../../store/repositories/connected-accounts.repository.ts';
import { loadContacts } from '../../store/repositories/contacts.repository.ts';
import { photosOf } from '../../store/repositories/export.repository.ts';
import { loadCustomConnectionTypes } from '../../store/repositories/settings.repository.ts';
import { importInput, runImport } from '../import-run.ts';
import { parseInput, type ServiceContext } from '../operation.ts';
import { settingsAndDefaults } from '../support/settings.ts';
import { emptyResult, type AccountSyncer, type ConnectedAccount, type SyncResult } from './account-syncer.ts';
import type { ExportContact } from '../../io/vcard-write.ts';
import type { Store } from '../../store/store.ts';
import { readCard, renderContact, uidOf, versionOf } from './carddav-cards.ts';
import { collectionTag, discoverAddressBooks, fetchCards, inPool, listCards, type AddressBook, type RemoteCard } from './carddav-client.ts';
import { CarddavRun } from './carddav-run.ts';
import { contactsInScope, parseCarddavOptions } from './carddav-scope.ts';
import { davSession, isSessionError, type Fetch } from './dav-http.ts';

function chooseBook(account: ConnectedAccount, books: AddressBook[], wanted: string | undefined): AddressBook {
  if (books.length === 0) throw new RapportError('invalid', `account ${JSON.stringify(account.name)}: the server at ${account.url} has no address book for user ${JSON.stringify(account.username ?? '')}; create one in your address book app first`);
  if (!wanted) return books[0]!;
  const hit = books.find((b) => b.name === wanted || b.url === wanted || b.url === new URL(wanted, account.url).href);
  if (!hit) throw new RapportError('invalid', `account ${JSON.stringify(account.name)}: no address book ${JSON.stringify(wanted)}; the server has ${books.map((b) => JSON.stringify(b.name)).join(', ')}`);
  return hit;
}

// Cards new on the server go through the importer as one vCard file: strong identifiers (email, E.164 phone,
// LinkedIn) match existing contacts, a name alone is listed for review and never merged, unmodelled lines are kept.
// Runs in the caller's write transaction, with no request to the server in it.
async function importNewCards(run: CarddavRun, ctx: ServiceContext, cards: RemoteCard[]): Promise<{ href: string; contactId: number; created: boolean; card: RemoteCard }[]> {
  const readable: RemoteCard[] = [];
  for (const c of cards) {
    const read = readCard(c.data, c.href, run.customTypes);
    if (read.ok) readable.push(c);
    else { run.result.skipped++; run.fail(c.href, `cannot be read (${read.reason}); left on the server as it is`); }
  }
  if (readable.length === 0) return [];
  const starts: number[] = [];
  let line = 1;
  const parts = readable.map((c) => {
    const text = c.data.replace(/\r?\n/g, '\r\n').replace(/(\r\n)*$/, '\r\n');
    starts.push(line);
    line += text.split('\r\n').length - 1;
    return text;
  });
  const input = parseInput(importInput, { content: parts.join(''), filename: `account ${run.account.name}`, format: 'vcard', skipInvalid: true });
  const report = await runImport(ctx, input, { write: true });
  const cardAt = (l: number) => { let i = 0; while (i + 1 < starts.length && starts[i + 1]! <= l) i++; return readable[i]!; };
  for (const r of report.rejected) { run.result.skipped++; run.fail(cardAt(r.line).href, r.reason); }
  for (const s of report.suggestedDuplicates) (run.result.review ??= []).push(`${s.name} (card ${cardAt(s.line).href}) has ${s.reason} as ${s.withName}: kept apart; see \`rapport duplicates\``);
  return report.rows.filter((r) => r.contactId !== null).map((r) => ({ href: cardAt(r.line).href, contactId: r.contactId!, created: r.outcome === 'created', card: cardAt(r.line) }));
}

async function loadExportContacts(store: Store, ids: readonly number[]): Promise<Map<number, ExportContact>> {
  const { defaults } = await settingsAndDefaults(store);
  const photos = await photosOf(store, ids);
  return new Map((await loadContacts(store, ids, defaults)).map((c) => [c.id, { ...c, photo: photos.get(c.id) ?? null }]));
}

const UPLOADS_AT_ONCE = 4;
const SAVE_BATCH = 200;

async function syncAddressBook(ctx: ServiceContext, account: ConnectedAccount, fetchImpl: Fetch | undefined, signal?: AbortSignal): Promise<SyncResult> {
  const { store } = ctx;
  const session = davSession(account, fetchImpl);
  const options = parseCarddavOptions(account.options);
  let collection = account.collection_url;
  if (!collection) {
    collection = chooseBook(account, await discoverAddressBooks(session), options.addressBook).url;
    await updateAccount(store, account.id, { collection_url: collection });
  }
  const run = new CarddavRun(ctx, account, session, collection, await loadCustomConnectionTypes(store), emptyResult());
  const ctag = await collectionTag(session, collection);
  const rows = await cardsOfAccount(store, account.id);
  // Same ctag as after the last sync: nothing changed on the server, and only Rapport's side needs looking at.
  // On a first sync the cards come with the listing (one request); after it, only the etags, then the cards that
  // changed by multiget.
  const listing = ctag !== null && ctag === account.ctag ? null : await listCards(session, collection, rows.length === 0);
  const remote = listing ? new Map([...listing].map(([href, c]) => [href, c.etag])) : null;

  const inScope = await contactsInScope(store, options);
  const ids = [...new Set([...inScope, ...rows.map((r) => r.contact_id).filter((id): id is number => id !== null)])];
  const contacts = await loadExportContacts(store, ids);

  // A failure of the whole session (server gone, login refused) stops the run; with uploads running side by side,
  // the ones already under way fail the same way, and the reason is given once.
  let sessionFailed = false;
  const step = async (item: string, fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn();
      return true;
    } catch (e) {
      if (!(e instanceof RapportError)) throw e;
      const whole = isSessionError(e);
      if (!(whole && sessionFailed)) run.result.errors.push({ item, message: e.message });
      sessionFailed ||= whole;
      return !whole;
    }
  };

  let going = true;
  const changedRemote: { row: (typeof rows)[number]; localChanged: boolean }[] = [];
  for (const row of rows) {
    if (!going || signal?.aborted) break;
    const contact = row.contact_id === null ? undefined : contacts.get(row.contact_id);
    const etag = remote ? remote.get(row.href) : row.etag;
    going = await step(row.href, async () => {
      if (!contact) return remote && etag === undefined ? void (await run.goneOnServer(row, false)) : run.goneInRapport(row);
      const version = versionOf(row.vcard);
      const localChanged = renderContact(contact, version, uidOf(row.vcard)).hash !== row.local_hash;
      if (etag === undefined) return run.goneOnServer(row, localChanged);
      if (etag !== row.etag || etag === null) changedRemote.push({ row, localChanged });
      else if (localChanged) await run.push(row, contact, version);
    });
  }
  // Changed on the server: read in batches, then merged one by one.
  if (going && changedRemote.length) {
    going = await step(collection, async () => {
      const fetched = new Map((await fetchCards(session, collection, changedRemote.map((c) => c.row.href))).map((c) => [c.href, c]));
      for (const { row, localChanged } of changedRemote) {
        if (!going || signal?.aborted) break;
        const card = fetched.get(row.href);
        if (!card) { going = await step(row.href, () => run.goneOnServer(row, localChanged)); continue; }
        going = await step(row.href, () => run.reconcile(row.href, row.vcard, row.contact_id!, localChanged, card));
      }
    });
  }
  // New on the server: downloaded, then imported and remembered in one write transaction with no request in it.
  const known = new Set(rows.map((r) => r.href));
  const fresh = remote ? [...remote.keys()].filter((h) => !known.has(h)) : [];
  if (going && fresh.length && !signal?.aborted) {
    going = await step(collection, async () => {
      const listed = fresh.map((href) => ({ href, etag: listing!.get(href)!.etag, data: listing!.get(href)!.data }));
      const cards = [...listed.filter((c): c is RemoteCard => c.data !== null), ...await fetchCards(session, collection, listed.filter((c) => c.data === null).map((c) => c.href))];
      const matched = await run.write(async (tx) => {
        const imported = await importNewCards(run, tx, cards);
        const made = await loadExportContacts(tx.store, imported.filter((m) => m.created).map((m) => m.contactId));
        for (const m of imported) {
          const contact = made.get(m.contactId);
          if (!m.created || !contact) continue;
          await saveCard(tx.store, account.id, { contact_id: m.contactId, href: m.href, etag: m.card.etag, vcard: m.card.data, local_hash: renderContact(contact, versionOf(m.card.data), uidOf(m.card.data)).hash }, run.now);
          run.result.created++;
        }
        return imported.filter((m) => !m.created);
      });
      // Matched a contact Rapport had: what Rapport knew beyond the card is sent back to the server.
      for (const m of matched) {
        if (!going || signal?.aborted) break;
        going = await step(m.href, () => run.reconcile(m.href, m.card.data, m.contactId, true, m.card));
      }
    });
  }
  // New in Rapport: uploaded a few at a time, remembered a batch per transaction.
  const mapped = new Set((await cardsOfAccount(store, account.id)).map((r) => r.contact_id));
  const toUpload = inScope.map((id) => contacts.get(id)).filter((c): c is ExportContact => c !== undefined && !mapped.has(c.id) && !run.settled.has(c.id));
  let pending: CardState[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length) await run.write(async (tx) => { for (const c of batch) await saveCard(tx.store, account.id, c, run.now); });
    run.result.created += batch.length;
  };
  try {
    await inPool(toUpload, UPLOADS_AT_ONCE, async (contact) => {
      if (!going || signal?.aborted) return;
      const ok = await step(`contact #${contact.id}`, async () => {
        const card = await run.upload(contact);
        if (card) pending.push(card);
      });
      going &&= ok;
      if (pending.length >= SAVE_BATCH) await flush();
    });
  } finally {
    await flush();
  }
  // The ctag read at the start stands for "seen everything" only if this run wrote nothing, finished, and left no
  // card undecided (a conflict settled later must find the server's card again).
  const clean = going && !run.wrote && !signal?.aborted && run.result.conflicts === 0 && run.result.errors.length === 0;
  await updateAccount(store, account.id, { ctag: clean ? ctag : null });
  return run.result;
}

export function carddavSyncer(opts: { fetch?: Fetch } = {}): AccountSyncer {
  return {
    async test(_ctx, account) {
      const session = davSession(account, opts.fetch);
      const books = await discoverAddressBooks(session);
      const book = account.collection_url ? books.find((b) => b.url === account.collection_url) : chooseBook(account, books, parseCarddavOptions(account.options).addressBook);
      if (!book) throw new RapportError('invalid', `account ${JSON.stringify(account.name)}: its address book ${account.collection_url} is gone from the server; remove the account and add it again`);
      return { ok: true, detail: `signed in as ${account.username ?? '(no user)'}; ${books.length} address book${books.length === 1 ? '' : 's'}; syncing ${JSON.stringify(book.name)} (${book.url})` };
    },
    sync: (ctx, account, options) => syncAddressBook(ctx, account, opts.fetch, options?.signal),
    ownTransactions: true,
  };
}
