/**
 * The lead of a conversation: written once the visitor left a contact WITH consent, then kept up
 * to date with what the conversation learns (intent, the last quote, the outcome, the customer of
 * a booking), in the same transaction as the turn, with the events others derive from
 * (`lead_created`, `lead_updated`, `conversation_outcome`; webhooks come from events).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { conversations, leads } from '../../adapters/db/schema.js';
import { qualifyLead, SOON_MS } from '../../domain/lead-score.js';
import type { LeadQualificationRecord } from '../../domain/qualification/qualification.js';
import { leadQualification } from '../../domain/conversation/flows/qualify.js';
import { isOpen } from '../../domain/reply-by.js';
import type { Weekday, WeeklyHours } from '../../domain/availability/find-slots.js';
import type { ConversationState } from '../../domain/conversation/state.js';
import { findTree, type EngineContext } from '../../domain/conversation/context.js';
import type { Queryable } from '../../adapters/db/client.js';
import { recordEvents, type EventInput, type Writes } from '../events.js';
import { refreshOpenDueTimes } from '../console/sla-due.js';
import type { EffectNotes } from './perform-effect.js';

type ConversationRow = typeof conversations.$inferSelect;

export interface LeadChange {
  row: ConversationRow;
  before: ConversationState | null;
  after: ConversationState;
  notes: EffectNotes;
  ctx: EngineContext;
  now: Date;
}

function quoteOf(s: ConversationState, ctx: EngineContext): Record<string, unknown> | null {
  const q = s.quote;
  const tree = q && findTree(ctx, q.treeId);
  return q?.final && tree ? { treeId: q.treeId, price: { kind: 'fixed', amount: q.final.price, currency: tree.currency }, summary: q.final.summary, serviceId: q.final.serviceId } : null;
}

/** The owner's questions (a service's or an intent's) as answered, in the team's language (the lead card), or null when none were. */
const qualificationOf = (s: ConversationState, ctx: EngineContext): LeadQualificationRecord | null => leadQualification(s, ctx);

const same = (c: LeadChange, f: (s: ConversationState) => unknown) => JSON.stringify(c.before ? f(c.before) : null) === JSON.stringify(f(c.after));
/** Nothing the lead or its conversation columns follow changed in this turn (most turns). */
const unchanged = (c: LeadChange) => c.before !== null && same(c, (s) => [s.contact, s.outcome, s.intent, s.lang, s.quote?.final ?? null, s.qualify ?? null, s.booking?.hold?.slot.start ?? null]) && !c.notes.customerId;

/**
 * The conversation's own columns the turn changes (contact with consent, outcome, customer,
 * intent): the turn writes them in its claiming UPDATE (turns.ts), not in a statement of their own.
 */
export function conversationPatch(c: LeadChange): Partial<typeof conversations.$inferInsert> {
  if (unchanged(c)) return {};
  const { row, before, after, notes, now } = c;
  // Contact columns only with consent (the engine keeps none before).
  const contact = after.contact;
  const convPatch: Partial<typeof conversations.$inferInsert> = {};
  if (contact && JSON.stringify(before?.contact ?? null) !== JSON.stringify(contact)) {
    Object.assign(convPatch, { contactName: contact.name, contactPhone: contact.contact.phone ?? null, contactEmail: contact.contact.email ?? null, consentAt: new Date(contact.consentAt) });
  }
  const outcomeChanged = (before?.outcome ?? null) !== after.outcome;
  // outcome_at is the FIRST outcome's time (AHT = start → first outcome); the outcome itself is the latest.
  if (outcomeChanged && after.outcome) Object.assign(convPatch, { outcome: after.outcome, ...(row.outcomeAt ? {} : { outcomeAt: now }) });
  if (notes.customerId) convPatch.customerId = notes.customerId;
  if ((before?.intent ?? null) !== after.intent) convPatch.intent = after.intent;
  return convPatch;
}

/**
 * The lead's part of a turn, decided before the turn writes: `writes` join the turn's claiming
 * statement (turns.ts) — the outcome event, and a new lead with its `lead_created` event, the
 * common case — and `after`, when set, runs after that statement: an existing lead is read and
 * updated with its `lead_updated` event.
 */
export function leadTurn(tx: Queryable, c: LeadChange): { writes: Writes; after: (() => Promise<void>) | null } {
  const { row, before, after, notes, ctx, now } = c;
  const none = { writes: { sql: [], events: [] }, after: null };
  if (unchanged(c)) return none;
  const contact = after.contact;
  const outcomeChanged = (before?.outcome ?? null) !== after.outcome;

  const base = { businessId: row.businessId, at: now, siteId: row.siteId, conversationId: row.id, intent: after.intent };
  const outcome: EventInput[] = outcomeChanged && after.outcome
    ? [{ ...base, kind: 'conversation_outcome', valueMs: now.getTime() - row.createdAt.getTime(), meta: { outcome: after.outcome } }]
    : [];
  if (!contact) return { writes: { sql: [], events: outcome }, after: null };

  const quote = quoteOf(after, ctx);
  const hours: WeeklyHours = Object.fromEntries(Object.entries(ctx.business.openingHours).map(([k, v]) => [Number(k) as Weekday, v]));
  const qualification = qualificationOf(after, ctx);
  const held = after.booking?.hold?.slot.start;
  const q = qualifyLead({
    intent: after.intent,
    message: after.handoff?.message ?? '',
    summary: after.handoff?.summary ?? (quote ? String(quote.summary) : null),
    hasPhone: contact.contact.phone !== undefined,
    hasEmail: contact.contact.email !== undefined,
    openNow: isOpen(hours, ctx.business.timeZone, now.getTime()),
    // Hot: a "soon" answer, or a time held within 48 h (PRODUCT.md).
    wantsSoon: qualification?.soon === true || (held !== undefined && held - now.getTime() <= SOON_MS),
    qualified: qualification?.qualified ?? null,
  });
  const fields = {
    name: contact.name,
    phone: contact.contact.phone ?? null,
    email: contact.contact.email ?? null,
    lang: after.lang,
    intent: after.intent,
    quote,
    qualification: qualification as Record<string, unknown> | null,
    score: q.score,
    temperature: q.temperature,
    outcome: after.outcome,
    ...(notes.customerId ? { customerId: notes.customerId } : {}),
  };
  const created = (id: string): EventInput => ({ ...base, kind: 'lead_created', meta: { leadId: id, ...(notes.bookingId ? { bookingId: notes.bookingId } : {}) } });
  const insert = () => {
    const id = randomUUID();
    return {
      id,
      query: tx.insert(leads).values({
        id,
        businessId: row.businessId,
        conversationId: row.id,
        channel: row.channel,
        source: row.source,
        consentAt: new Date(contact.consentAt),
        createdAt: now,
        updatedAt: now,
        ...fields,
      }),
    };
  };
  if (!before?.contact && !row.consentAt) {
    // The first contact of this conversation (no consent was ever recorded on it, and a lead is
    // written only with one): the lead is new — no read first, and part of the turn's statement.
    // A racing tab that wrote it first makes this INSERT do nothing, and the turn replays (its
    // claim finds the version moved on).
    const { id, query } = insert();
    return { writes: { sql: [query.onConflictDoNothing({ target: leads.conversationId }).getSQL()], events: [...outcome, created(id)] }, after: null };
  }
  return {
    writes: { sql: [], events: [] },
    after: async () => {
      if (!before?.contact) {
        // A contact given, then cleared: the lead may exist; the INSERT does nothing then.
        const { id, query } = insert();
        if ((await query.onConflictDoNothing({ target: leads.conversationId }).returning({ id: leads.id })).length) return recordEvents(tx, [...outcome, created(id)]);
      }
      const existing = (await tx.select().from(leads).where(eq(leads.conversationId, row.id)).limit(1))[0];
      if (!existing) {
        const { id, query } = insert();
        await query;
        return recordEvents(tx, [...outcome, created(id)]);
      }
      const changed = (Object.keys(fields) as Array<keyof typeof fields>).filter((k) => JSON.stringify(existing[k] ?? null) !== JSON.stringify(fields[k] ?? null));
      if (changed.length === 0) return recordEvents(tx, outcome);
      await tx.update(leads).set({ ...fields, updatedAt: now }).where(eq(leads.id, existing.id));
      // A new temperature moves the due time of the lead's open hand-off, in this turn's transaction (services/console/sla-due.ts).
      if (changed.includes('temperature')) await refreshOpenDueTimes(tx, { businessId: row.businessId, conversationId: row.id, temperature: q.temperature }, now);
      await recordEvents(tx, [...outcome, { ...base, kind: 'lead_updated', bookingId: notes.bookingId, meta: { leadId: existing.id, fields: changed } }]);
    },
  };
}
