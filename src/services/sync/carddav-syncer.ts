import { RapportError } from '../../domain/errors.ts';
import { cardsOfAccount, saveCard } from '../../store/repositories/carddav-cards.repository.ts';
import { updateAccount } from '../../store/repositories/connected-accounts.repository.ts';
import { loadContacts } from '../../store/repositories/contacts.repository.ts';
import { photosOf } from '../../store/repositories/export.repository.ts';
import { loadCustomConnectionTypes } from '../../store/repositories/settings.repository.ts';
import { importInput, runImport } from '../import-run.ts';
import { parseInput, type ServiceContext } from '../operation.ts';
import { settingsAndDefaults } from '../support/settings.ts';
import { emptyResult, type AccountSyncer, type ConnectedAccount, type SyncResult } from './account-syncer.ts';
import { readCard, renderContact } from './carddav-cards.ts';
import { collectionTag, discoverAddressBooks, fetchCards, listCards, type AddressBook, type RemoteCard } from './carddav-client.ts';
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
async function importNewCards(run: CarddavRun, cards: RemoteCard[]): Promise<{ href: string; contactId: number; created: boolean; card: RemoteCard }[]> {
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
  const report = await runImport(run.ctx, input, { write: true });
  const cardAt = (l: number) => { let i = 0; while (i + 1 < starts.length && starts[i + 1]! <= l) i++; return readable[i]!; };
  for (const r of report.rejected) { run.result.skipped++; run.fail(cardAt(r.line).href, r.reason); }
  for (const s of report.suggestedDuplicates) (run.result.review ??= []).push(`${s.name} (card ${cardAt(s.line).href}) has ${s.reason} as ${s.withName}: kept apart; see \`rapport duplicates\``);
  return report.rows.filter((r) => r.contactId !== null).map((r) => ({ href: cardAt(r.line).href, contactId: r.contactId!, created: r.outcome === 'created', card: cardAt(r.line) }));
}

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
  const remote = ctag !== null && ctag === account.ctag ? null : await listCards(session, collection);

  const { defaults } = await settingsAndDefaults(store);
  const inScope = await contactsInScope(store, options);
  const ids = [...new Set([...inScope, ...rows.map((r) => r.contact_id).filter((id): id is number => id !== null)])];
  const photos = await photosOf(store, ids);
  const contacts = new Map((await loadContacts(store, ids, defaults)).map((c) => [c.id, { ...c, photo: photos.get(c.id) ?? null }]));

  const step = async (item: string, fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn();
      return true;
    } catch (e) {
      if (!(e instanceof RapportError)) throw e;
      run.result.errors.push({ item, message: e.message });
      return !isSessionError(e);
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
      const version = /^VERSION:4\.0/im.test(row.vcard) ? '4.0' : '3.0';
      const localChanged = renderContact(contact, version).hash !== row.local_hash;
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
  // New on the server.
  const known = new Set(rows.map((r) => r.href));
  const fresh = remote ? [...remote.keys()].filter((h) => !known.has(h)) : [];
  if (going && fresh.length && !signal?.aborted) {
    going = await step(collection, async () => {
      const imported = await importNewCards(run, await fetchCards(session, collection, fresh));
      for (const m of imported) {
        if (!going) break;
        const contact = await run.contact(m.contactId);
        if (!contact) continue;
        if (m.created) {
          const version = /^VERSION:4\.0/im.test(m.card.data) ? '4.0' : '3.0';
          await saveCard(store, account.id, { contact_id: m.contactId, href: m.href, etag: m.card.etag, vcard: m.card.data, local_hash: renderContact(contact, version).hash }, run.now);
          run.result.created++;
        } else {
          // Matched a contact Rapport had: what Rapport knew beyond the card is sent back to the server.
          going = await step(m.href, () => run.reconcile(m.href, m.card.data, m.contactId, true, m.card));
        }
      }
    });
  }
  // New in Rapport.
  const mapped = new Set((await cardsOfAccount(store, account.id)).map((r) => r.contact_id));
  for (const id of inScope) {
    if (!going || signal?.aborted) break;
    const contact = contacts.get(id);
    if (!contact || mapped.has(id) || run.settled.has(id)) continue;
    going = await step(`contact #${id}`, () => run.upload(contact));
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
  };
}
