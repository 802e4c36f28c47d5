/**
 * Erasing one person (GDPR art. 17): the owner in the console or over REST, the visitor from the
 * manage page or by asking in the chat. What the business needs for its figures stays, without
 * the person: bookings (no customer, no note), conversations (outcome and times for FRT/AHT, no
 * contact, no transcript), hand-offs (SLA times, no message or contact), events (ids and
 * durations only). Everything else that names them goes: customer rows, leads, transcripts, staff
 * replies, lookup codes, the demo mailbox's copies, the questions only they asked that nothing
 * answered (the console's list); JSON that quotes them (webhook bodies, job payloads, idempotent
 * API answers, event meta) is redacted in place.
 *
 * Their bookings still ahead are cancelled first through the booking store, one by one, so staff
 * get the usual cancellation notice and the calendar event is removed; the visitor's own
 * cancellation e-mail finds no address any more and is skipped (they asked to be forgotten).
 */
import { and, eq, gt, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../adapters/db/client.js';
import {
  apiIdempotency,
  apiKeys,
  bookings,
  conversationMessages,
  conversations,
  customers,
  events,
  followUps,
  handoffReplies,
  handoffs,
  jobs,
  kbUnanswered,
  leads,
  lookupCodes,
  outbox,
  sentMessages,
  webhookDeliveries,
} from '../../adapters/db/schema.js';
import { cancelBooking, forgetCustomers, type Actor } from '../booking-store/store.js';
import { foldQuestion } from '../knowledge/unanswered.js';
import { fail, ok, type Result } from '../result.js';
import { personOfConversation, personOfCustomer, type Person, type Reach } from './person.js';
import { REDACTED, redactJson, type Needles } from './redact-json.js';

export interface Erased {
  customers: number;
  /** Future bookings cancelled (with their usual messages and calendar removal). */
  bookingsCancelled: number;
  /** Bookings kept for the figures, no longer linked to the person. */
  bookingsKept: number;
  conversations: number;
  messages: number;
  leads: number;
  handoffs: number;
  lookupCodes: number;
  /** Rows of JSON (webhooks, jobs, API answers, events) and mail copies rewritten or removed. */
  redacted: number;
}

export interface ErasedPerson {
  erased: Erased;
  /** The conversations emptied, at their last seq: the caller wakes their push streams, which then end ("gone"). */
  conversations: Array<{ id: string; seq: number }>;
}

export interface EraseOptions {
  /** Who asked (the cancellations' KPI events): the visitor by default. */
  actor?: Actor;
  /** `contact` (default): every row of the business with the person's e-mail or phone. See person.ts. */
  reach?: Reach;
}

/** @example const r = await eraseCustomer(deps.db, businessId, customerId, deps.clock.now(), { actor: { by: 'staff', userId } }); */
export async function eraseCustomer(db: Db, businessId: string, customerId: string, now: Date, opts: EraseOptions = {}): Promise<Result<ErasedPerson>> {
  const p = await personOfCustomer(db, businessId, customerId, opts.reach ?? 'contact');
  if (!p) return fail('CUSTOMER_NOT_FOUND', 'No such customer', { field: 'customerId' });
  return ok(await erasePerson(db, p, now, opts.actor ?? { by: 'visitor' }));
}

/** The chat's "delete my data": the conversation the visitor holds and what was booked in it. */
export async function eraseConversation(db: Db, businessId: string, conversationId: string, now: Date): Promise<Result<ErasedPerson>> {
  const p = await personOfConversation(db, businessId, conversationId);
  if (!p) return fail('CONVERSATION_NOT_FOUND', 'No such conversation', { field: 'conversationId' });
  return ok(await erasePerson(db, p, now, { by: 'visitor' }));
}

/** A bounded number of rereads when a booking changes under us (someone moved it meanwhile). */
const CANCEL_TRIES = 3;

async function cancelAhead(db: Db, p: Person, now: Date, actor: Actor): Promise<number> {
  if (p.bookingIds.length === 0) return 0;
  let cancelled = 0;
  for (let t = 0; t < CANCEL_TRIES; t++) {
    const ahead = await db
      .select({ id: bookings.id, status: bookings.status, version: bookings.version })
      .from(bookings)
      .where(and(eq(bookings.businessId, p.businessId), inArray(bookings.id, p.bookingIds), eq(bookings.status, 'confirmed'), gt(bookings.startsAt, now)));
    if (ahead.length === 0) return cancelled;
    for (const b of ahead) if ((await cancelBooking(db, b, null, actor, now)).ok) cancelled++;
  }
  return cancelled;
}

const lower = (col: SQL) => sql`lower(${col})`;
/** Any of the needles inside the column's text (position(), not LIKE: e-mails contain `_`). */
/**
 * The console's unanswered questions are counted per wording, not per person: a question only
 * this person asked goes, one others asked too keeps its row with one ask less. The row's text is
 * the first asker's wording, so when that was this person the others' identical folded wording
 * stands in (case and punctuation are all that differ).
 */
async function forgetUnanswered(tx: Queryable, businessId: string, conversationIds: string[]): Promise<number> {
  const asked = await tx
    .select({ text: conversationMessages.text })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.businessId, businessId), inArray(conversationMessages.conversationId, conversationIds), eq(conversationMessages.from, 'visitor')));
  const folded = [...new Set(asked.map((m) => foldQuestion(m.text)).filter(Boolean))];
  if (folded.length === 0) return 0;
  const scope = and(eq(kbUnanswered.businessId, businessId), inArray(kbUnanswered.folded, folded));
  const gone = await tx.delete(kbUnanswered).where(and(scope, sql`${kbUnanswered.count} <= 1`)).returning({ id: kbUnanswered.id });
  const fewer = await tx
    .update(kbUnanswered)
    .set({ count: sql`${kbUnanswered.count} - 1`, question: kbUnanswered.folded })
    .where(and(scope, sql`${kbUnanswered.count} > 1`))
    .returning({ id: kbUnanswered.id });
  return gone.length + fewer.length;
}

function mentions(col: SQL, needles: readonly string[]): SQL {
  return sql`(${sql.join(needles.map((n) => sql`position(${n.toLowerCase()} in ${lower(col)}) > 0`), sql` OR `)})`;
}

async function redactRows<R extends { key: unknown; value: unknown }>(rows: R[], n: Needles, write: (row: R, value: unknown) => Promise<void>): Promise<number> {
  let changed = 0;
  for (const r of rows) {
    const v = redactJson(r.value, n);
    if (v !== r.value) {
      await write(r, v);
      changed++;
    }
  }
  return changed;
}

async function eraseRows(tx: Queryable, p: Person, now: Date): Promise<{ counts: Omit<Erased, 'bookingsCancelled'>; conversations: ErasedPerson['conversations'] }> {
  const { businessId, needles } = p;
  const all = [...needles.contacts, ...needles.names];
  let redacted = 0;

  const bookingsKept = await forgetCustomers(tx as Parameters<typeof forgetCustomers>[0], businessId, p.customerIds, now);

  // Lookup codes asked in their conversations or opening their bookings.
  const codeWhere: SQL[] = [];
  if (p.conversationIds.length) codeWhere.push(inArray(lookupCodes.conversationId, p.conversationIds));
  if (p.customerIds.length) codeWhere.push(sql`${lookupCodes.customerIds} ?| ${sql.raw(`array[${p.customerIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',')}]`)}`);
  const codes = codeWhere.length ? await tx.delete(lookupCodes).where(and(eq(lookupCodes.businessId, businessId), or(...codeWhere))).returning({ id: lookupCodes.id }) : [];

  const goneLeads = p.leadIds.length ? await tx.delete(leads).where(and(eq(leads.businessId, businessId), inArray(leads.id, p.leadIds))).returning({ id: leads.id }) : [];

  let messages = 0;
  let emptied: ErasedPerson['conversations'] = [];
  if (p.conversationIds.length) {
    // Their questions nothing answered (the console's list): read before the transcript goes.
    redacted += await forgetUnanswered(tx, businessId, p.conversationIds);
    messages = (await tx.delete(conversationMessages).where(and(eq(conversationMessages.businessId, businessId), inArray(conversationMessages.conversationId, p.conversationIds))).returning({ seq: conversationMessages.seq })).length;
    emptied = await tx
      .update(conversations)
      .set({
        // An empty token hash matches no token: the visitor's stored id no longer opens it, and
        // push streams end (services/conversation/stream.ts).
        tokenHash: '',
        state: {},
        status: 'closed',
        externalRef: null,
        source: null,
        customerId: null,
        contactName: null,
        contactPhone: null,
        contactEmail: null,
        purgeAfter: null,
        version: sql`${conversations.version} + 1`,
        // One past the last message: a signal at this seq wakes every stream still open on it.
        seq: sql`${conversations.seq} + 1`,
        staffReadSeq: sql`${conversations.seq} + 1`,
        updatedAt: now,
      })
      .where(and(eq(conversations.businessId, businessId), inArray(conversations.id, p.conversationIds)))
      .returning({ id: conversations.id, seq: conversations.seq });
  }

  if (p.conversationIds.length) {
    // Nothing more goes to them: follow-ups still planned are called off.
    await tx
      .update(followUps)
      .set({ status: 'cancelled', reason: 'erased' })
      .where(and(eq(followUps.businessId, businessId), inArray(followUps.conversationId, p.conversationIds), eq(followUps.status, 'scheduled')));
  }

  if (p.handoffIds.length) {
    await tx.delete(handoffReplies).where(and(eq(handoffReplies.businessId, businessId), inArray(handoffReplies.handoffId, p.handoffIds)));
    await tx.update(handoffs).set({ message: '', summary: null, aiSummary: null, contactName: '', contactPhone: null, contactEmail: null }).where(and(eq(handoffs.businessId, businessId), inArray(handoffs.id, p.handoffIds)));
  }

  const goneCustomers = p.customerIds.length ? await tx.delete(customers).where(and(eq(customers.businessId, businessId), inArray(customers.id, p.customerIds))).returning({ id: customers.id }) : [];

  if (all.length) {
    const ev = await tx.select({ key: events.id, value: events.meta }).from(events).where(and(eq(events.businessId, businessId), isNotNull(events.meta), mentions(sql`${events.meta}::text`, all)));
    redacted += await redactRows(ev, needles, (r, v) => tx.update(events).set({ meta: v as Record<string, unknown> }).where(eq(events.id, r.key)).then(() => undefined));

    const wh = await tx.select({ key: webhookDeliveries.id, value: webhookDeliveries.payload }).from(webhookDeliveries).where(and(eq(webhookDeliveries.businessId, businessId), mentions(sql`${webhookDeliveries.payload}::text`, all)));
    redacted += await redactRows(wh, needles, (r, v) => tx.update(webhookDeliveries).set({ payload: v as Record<string, unknown> }).where(eq(webhookDeliveries.id, r.key)).then(() => undefined));

    const idem = await tx
      .select({ key: { apiKeyId: apiIdempotency.apiKeyId, key: apiIdempotency.key }, value: apiIdempotency.body })
      .from(apiIdempotency)
      .where(and(sql`${apiIdempotency.apiKeyId} IN (SELECT ${apiKeys.id} FROM ${apiKeys} WHERE ${apiKeys.businessId} = ${businessId})`, mentions(sql`${apiIdempotency.body}::text`, all)));
    redacted += await redactRows(idem, needles, (r, v) => tx.update(apiIdempotency).set({ body: v }).where(and(eq(apiIdempotency.apiKeyId, r.key.apiKeyId), eq(apiIdempotency.key, r.key.key))).then(() => undefined));

    // Jobs carry no business: the ones about the person's bookings and hand-offs, and sent mail to their address.
    const about: SQL[] = [];
    if (p.bookingIds.length) about.push(inArray(jobs.bookingId, p.bookingIds));
    if (p.handoffIds.length) about.push(inArray(jobs.handoffId, p.handoffIds));
    if (needles.contacts.length) about.push(and(isNotNull(jobs.doneAt), mentions(sql`${jobs.payload}::text`, needles.contacts))!);
    if (about.length) {
      const js = await tx.select({ key: jobs.id, value: jobs.payload, lastError: jobs.lastError }).from(jobs).where(and(or(...about), or(mentions(sql`${jobs.payload}::text`, all), mentions(sql`coalesce(${jobs.lastError}, '')`, all))));
      for (const j of js) {
        const v = redactJson(j.value, needles);
        const err = j.lastError && redactJson(j.lastError, needles) !== j.lastError ? REDACTED : j.lastError;
        if (v !== j.value || err !== j.lastError) {
          await tx.update(jobs).set({ payload: v as Record<string, unknown>, lastError: err }).where(eq(jobs.id, j.key));
          redacted++;
        }
      }
    }
  }
  if (needles.contacts.length) {
    // The demo mailbox (no SMTP configured) keeps whole messages: the ones to or about them go.
    const c = needles.contacts;
    const mail = await tx.delete(outbox).where(or(mentions(sql`${outbox.to}`, c), mentions(sql`${outbox.subject}`, c), mentions(sql`${outbox.text}`, c), mentions(sql`${outbox.html}`, c))).returning({ id: outbox.id });
    const sent = await tx.update(sentMessages).set({ recipient: REDACTED }).where(mentions(sql`${sentMessages.recipient}`, c)).returning({ id: sentMessages.messageId });
    redacted += mail.length + sent.length;
  }

  const counts = {
    customers: goneCustomers.length,
    bookingsKept,
    conversations: p.conversationIds.length,
    messages,
    leads: goneLeads.length,
    handoffs: p.handoffIds.length,
    lookupCodes: codes.length,
    redacted,
  };
  return { counts, conversations: emptied };
}

export async function erasePerson(db: Db, p: Person, now: Date, actor: Actor): Promise<ErasedPerson> {
  const bookingsCancelled = await cancelAhead(db, p, now, actor);
  const { counts, conversations: emptied } = await db.transaction((tx) => eraseRows(tx, p, now));
  return { erased: { bookingsCancelled, ...counts }, conversations: emptied };
}
