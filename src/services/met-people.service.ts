import { z } from 'zod';
import { contactInputSchema } from '../domain/contact.ts';
import { RapportError } from '../domain/errors.ts';
import { lineText, TEXT_LIMITS } from '../domain/limits.ts';
import { networkSchema } from '../domain/networks.ts';
import { capturedEventsWith, listMetPeople, metPersonByEmail, updateCapturedEvent, updateMetPerson } from '../store/repositories/captured-events.repository.ts';
import { contactIdsByEmail } from '../store/repositories/contacts.repository.ts';
import { insertInteraction } from '../store/repositories/interactions.repository.ts';
import { afterInteractionsChanged } from './interactions.service.ts';
import { defineOperation, pageSchema, parseInput, type ServiceContext } from './operation.ts';
import { createContacts } from './support/create-contacts.ts';

const emailInput = z.email({ error: (i) => `not an email address: ${JSON.stringify(i.input)}` }).transform((e) => e.toLowerCase());

const metPersonSchema = z.object({
  email: z.string(), name: z.string().nullable(), meetings: z.number().int(), firstMetAt: z.string(), lastMetAt: z.string(),
  lastMeeting: z.string().nullable(), status: z.enum(['waiting', 'added', 'dismissed']), contactId: z.number().int().nullable(),
});
type MetPersonOut = z.output<typeof metPersonSchema>;

export const metList = defineOperation({
  name: 'triage.met',
  summary: 'People you met: attendees of captured meetings who are not contacts, most meetings first, waiting to be added or dismissed',
  effect: 'read',
  input: pageSchema.extend({ status: z.enum(['waiting', 'added', 'dismissed']).default('waiting') }),
  output: z.object({ items: z.array(metPersonSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
  http: { method: 'get', path: '/triage/met' },
  run: async ({ store }, { status, limit, offset }) => {
    const { rows, total } = await listMetPeople(store, status, limit, offset);
    const items: MetPersonOut[] = rows.map((r) => ({
      email: r.email, name: r.name, meetings: r.meetings, firstMetAt: r.first_met_at, lastMetAt: r.last_met_at, lastMeeting: r.last_meeting, status: r.status, contactId: r.contact_id,
    }));
    return { items, total, limit, offset };
  },
});

async function waiting(ctx: ServiceContext, email: string) {
  const row = await metPersonByEmail(ctx.store, email);
  if (!row) throw new RapportError('not_found', `email: ${email} is not among the people you met (see \`rapport triage met\`)`, { problems: [{ path: 'email', message: 'not offered', value: email }] });
  if (row.status !== 'waiting') throw new RapportError('conflict', `email: ${email} was already ${row.status}${row.contact_id ? ` (contact #${row.contact_id})` : ''}`);
  return row;
}

// The person becomes a contact (waiting in triage for a network unless one is given) and joins the captured meetings
// they were in, so their last conversation is known at once.
export const metAdd = defineOperation({
  name: 'triage.met.add',
  summary: 'Add someone you met as a contact: unsorted (waiting in triage) unless a network is given; they join the captured meetings they were in',
  effect: 'write',
  conflicts: true,
  input: z.object({
    email: emailInput,
    name: lineText(TEXT_LIMITS.name).optional().describe('the name to give; else the one the calendar showed, else the address'),
    network: networkSchema.optional().describe('put them in this network now instead of leaving them in triage'),
  }),
  output: z.object({ contactId: z.number().int(), meetings: z.number().int() }),
  http: { method: 'post', path: '/triage/met/add' },
  run: async (ctx, input) => {
    const { store, clock } = ctx;
    const met = await waiting(ctx, input.email);
    const taken = await contactIdsByEmail(store, [input.email]);
    if (taken[0]) throw new RapportError('conflict', `email: ${input.email} already belongs to ${taken[0].name} (#${taken[0].contact_id}); dismiss it from people you met instead`);
    const draft = parseInput(contactInputSchema, {
      name: input.name ?? met.name ?? input.email.split('@')[0], emails: [input.email], networks: input.network ? [input.network] : [],
    }, 'contact');
    const { ids: [contactId] } = await createContacts(ctx, [draft], { unsortedWithoutNetwork: true, followUpDays: null });
    const now = clock.now().toISOString();
    let meetings = 0;
    for (const row of await capturedEventsWith(store, input.email)) {
      if (row.interaction_id !== null) {
        const has = await store.db.selectFrom('interaction_participants').select('contact_id').where('interaction_id', '=', row.interaction_id).where('contact_id', '=', contactId!).executeTakeFirst();
        if (!has) await store.db.insertInto('interaction_participants').values({ workspace_id: store.workspaceId, interaction_id: row.interaction_id, contact_id: contactId! }).execute();
        meetings++;
      } else if (row.matched === 0) {
        const id = await insertInteraction(store, {
          occurred_at: row.occurred_at, kind: 'meeting', channel: row.channel, summary: row.summary, value_flow: 'none', value_note: null, gratitude: 0, created_at: now,
        }, [contactId!]);
        await updateCapturedEvent(store, row.id, { interaction_id: id, matched: 1 });
        meetings++;
      }
    }
    await updateMetPerson(store, met.id, { status: 'added', contact_id: contactId! });
    await afterInteractionsChanged(store, [contactId!], null, now);
    return { contactId: contactId!, meetings };
  },
});

export const metDismiss = defineOperation({
  name: 'triage.met.dismiss',
  summary: 'Not someone to keep: no longer offered in people you met, however many meetings they are in',
  effect: 'write',
  conflicts: true,
  input: z.object({ email: emailInput }),
  output: z.object({ dismissed: z.string() }),
  http: { method: 'post', path: '/triage/met/dismiss' },
  run: async (ctx, { email }) => {
    const met = await waiting(ctx, email);
    await updateMetPerson(ctx.store, met.id, { status: 'dismissed' });
    return { dismissed: email };
  },
});
