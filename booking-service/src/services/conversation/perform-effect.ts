/**
 * Carries out what the engine asks for, through the existing use cases (slot search, hold,
 * confirm, hand-off, manage), inside the turn's transaction (`deps.db` is the transaction here:
 * their own transactions become savepoints), and translates their answers into the engine's
 * `EffectResult`. Bookings are always read fresh from the database.
 */
import { createHash } from 'node:crypto';
import type { ClosedWhy, Effect, EffectResult, SlotRef } from '../../domain/conversation/effects.js';
import type { Failure } from '../result.js';
import type { ConversationChannel } from '../../domain/conversation/protocol.js';
import type { Deps } from '../deps.js';
import { confirmBooking } from '../confirm.js';
import { holdSlot } from '../hold.js';
import { releaseHold } from '../booking-store/store.js';
import { requestHandoff } from '../handoff.js';
import { cancelBooking, MANAGE_LINK_GRACE_MS, rescheduleBooking } from '../manage.js';
import { searchSlots, type SlotView } from '../slots.js';
import { cachedPickStaff, cachedService, type SiteContext } from '../site.js';
import { hashHoldToken, signToken, verifyToken } from '../tokens.js';
import { readBookings } from './bookings-now.js';
import { offerTelegramLink } from '../channels/telegram-start.js';
import { sendLookupCode, verifyLookupCode } from './lookup-codes.js';
import { searchKnowledge } from '../knowledge/search.js';
import { recordUnanswered } from '../knowledge/unanswered.js';
import { joinWaitlist } from '../waitlist/join.js';
import { runAssistant } from '../assistant/turn.js';
import { assistantFor } from '../assistant/settings.js';
import type { AssistantAnswers } from '../assistant/ahead.js';
import type { EngineContext } from '../../domain/conversation/context.js';
import type { Writes } from '../events.js';

export interface EffectScope {
  site: SiteContext;
  conversationId: string;
  channel: ConversationChannel;
  /** The visitor's Origin (already checked against the site). */
  origin: string | undefined;
  /** The turn's engine context (the assistant's tools read the catalog from it). */
  ctx?: EngineContext | undefined;
  /** The model's answers asked before the transaction (assistant/ahead.ts); present = never ask it here. */
  answers?: AssistantAnswers | undefined;  /** The turn's writes that commit in its claiming statement (turns.ts): the hand-off's join them. */
  writes?: Writes | undefined;
}

/** What a turn learns from its effects that the conversation row and the lead keep. */
export interface EffectNotes {
  customerId?: string | undefined;
  bookingId?: string | undefined;
  /** "Delete my data" confirmed: the turn erases the conversation's person last, after its own writes (turns.ts). */
  erase?: true | undefined;
}

const toRef = (s: SlotView): SlotRef => ({ start: Date.parse(s.start), end: Date.parse(s.end), staffId: s.staffId });

/** A time that is not free, and why (closed that day, not open then, or someone has it), with the alternatives. */
function notFree(r: Failure): { alternatives: SlotRef[]; why?: ClosedWhy } | null {
  if (r.reason !== 'SLOT_TAKEN' && r.reason !== 'CLOSED' && r.reason !== 'OUTSIDE_HOURS') return null;
  const alternatives = ((r.details?.alternatives ?? []) as SlotView[]).map(toRef);
  return r.reason === 'SLOT_TAKEN' ? { alternatives } : { alternatives, why: r.reason === 'CLOSED' ? 'closed' : 'outside_hours' };
}

export async function performEffect(deps: Deps, scope: EffectScope, e: Effect, notes: EffectNotes): Promise<EffectResult> {
  const { business, site } = scope.site;
  switch (e.kind) {
    case 'findSlots': {
      const [service, staffRows] = await Promise.all([cachedService(deps, business.id, e.serviceId), cachedPickStaff(deps, business.id, e.serviceId, e.staffId ?? undefined)]);
      if (!service.ok || !staffRows.ok) return { kind: 'findSlots', ok: false, reason: 'error' };
      const slots = await searchSlots(deps, business, service.value, staffRows.value, e.from, e.days, e.excludeBookingId);
      return { kind: 'findSlots', ok: true, slots: slots.map((s) => ({ start: s.start, end: s.end, staffId: s.staffIds[0]! })) };
    }
    case 'hold': {
      const r = await holdSlot(deps, { siteKey: site.siteKey, serviceId: e.serviceId, staffId: e.staffId ?? undefined, start: new Date(e.start).toISOString(), conversationId: scope.conversationId, quote: e.quote }, scope.origin);
      if (r.ok) return { kind: 'hold', ok: true, holdToken: r.value.holdToken, expiresAt: Date.parse(r.value.expiresAt), staffId: r.value.staffId };
      const refused = notFree(r);
      if (refused) return { kind: 'hold', ok: false, reason: 'taken', ...refused };
      return { kind: 'hold', ok: false, reason: 'error' };
    }
    case 'release':
      return { kind: 'release', ok: await releaseHold(deps.db, business.id, hashHoldToken(e.holdToken)) };
    case 'confirm': {
      const r = await confirmBooking(deps, {
        holdToken: e.holdToken,
        customer: { name: e.name, ...(e.contact.email !== undefined ? { email: e.contact.email } : { phone: e.contact.phone }) },
        lang: e.lang,
        // One key per hold: a retried turn (after a lost race) returns the booking it made.
        idempotencyKey: `conv-${createHash('sha256').update(e.holdToken).digest('hex').slice(0, 40)}`,
        conversationId: scope.conversationId,
      }, scope.origin);
      if (r.ok) {
        const facts = await readBookings(deps, business.id, { ids: [r.value.booking.id] });
        const b = facts[0];
        if (!b) return { kind: 'confirm', ok: false, reason: 'error' };
        notes.bookingId = b.facts.id;
        notes.customerId = b.customerId ?? undefined;
        // The widget's card offers "Get reminders in Telegram" when the business has it (a messenger chat already is one).
        const telegramUrl = scope.channel === 'widget' && b.customerId
          ? await offerTelegramLink(deps.db, { businessId: business.id, bookingId: b.facts.id, customerId: b.customerId, endsAt: new Date(b.facts.end) }, deps.clock.now())
          : null;
        return { kind: 'confirm', ok: true, booking: telegramUrl ? { ...b.facts, telegramUrl } : b.facts, customerId: b.customerId };
      }
      if (r.reason === 'SLOT_TAKEN') return { kind: 'confirm', ok: false, reason: 'taken', alternatives: ((r.details?.alternatives ?? []) as SlotView[]).map(toRef) };
      if (r.reason === 'CLOSED' || r.reason === 'OUTSIDE_HOURS') return { kind: 'confirm', ok: false, reason: 'closed', why: r.reason === 'CLOSED' ? 'closed' : 'outside_hours' };
      if (r.reason === 'HOLD_EXPIRED' || r.reason === 'HOLD_USED' || r.reason === 'HOLD_NOT_FOUND') return { kind: 'confirm', ok: false, reason: 'expired' };
      if (r.reason === 'INVALID_INPUT') return { kind: 'confirm', ok: false, reason: 'invalid', fields: ['contact'] };
      return { kind: 'confirm', ok: false, reason: 'error' };
    }
    case 'handoff': {
      const r = await requestHandoff(deps, {
        siteKey: site.siteKey,
        message: e.message,
        contact: { name: e.name, ...(e.contact.email !== undefined ? { email: e.contact.email } : { phone: e.contact.phone }) },
        lang: e.lang,
        intent: e.intent,
        summary: e.summary ?? undefined,
        conversationId: scope.conversationId,
        ...(e.qualification ? { qualification: e.qualification } : {}),
      }, scope.origin, scope.writes);
      if (!r.ok) return { kind: 'handoff', ok: false, reason: 'error' };
      return { kind: 'handoff', ok: true, id: r.value.id, expectedReplyBy: Date.parse(r.value.expectedReplyBy), withinOpeningHours: r.value.withinOpeningHours };
    }
    case 'sendCode': {
      const r = await sendLookupCode(deps, deps.db, { businessId: business.id, businessName: business.name, conversationId: scope.conversationId, contact: e.contact, lang: e.lang });
      return { kind: 'sendCode', ...r };
    }
    case 'verifyCode': {
      const r = await verifyLookupCode(deps, deps.db, { businessId: business.id, conversationId: scope.conversationId, requestId: e.requestId, code: e.code });
      return { kind: 'verifyCode', ...r };
    }
    case 'loadBookings': {
      const by = e.by;
      if ('manageToken' in by) {
        const id = verifyToken(deps.secret, by.manageToken, 'manage');
        const found = id ? await readBookings(deps, business.id, { ids: [id] }) : [];
        const live = found.filter((b) => b.facts.end + MANAGE_LINK_GRACE_MS > deps.clock.now().getTime());
        if (live.length === 0) return { kind: 'loadBookings', ok: false, reason: 'link_invalid' };
        return { kind: 'loadBookings', ok: true, bookings: live.map((b) => b.facts) };
      }
      const found = await readBookings(deps, business.id, 'customerIds' in by ? { customerIds: by.customerIds } : { ids: by.bookingIds });
      return { kind: 'loadBookings', ok: true, bookings: found.map((b) => b.facts) };
    }
    case 'reschedule':
    case 'cancel': {
      const manageToken = signToken(deps.secret, e.bookingId, 'manage');
      // The conversation proved the visitor's right to this booking (made here, a link, a code): no Origin check of another site.
      const r = e.kind === 'reschedule'
        ? await rescheduleBooking(deps, { manageToken, start: new Date(e.start).toISOString() }, undefined)
        : await cancelBooking(deps, { manageToken }, undefined);
      if (r.ok) {
        const fresh = await readBookings(deps, business.id, { ids: [e.bookingId] });
        return fresh[0] ? ({ kind: e.kind, ok: true, booking: fresh[0].facts }) : ({ kind: e.kind, ok: false, reason: 'error' });
      }
      const refused = e.kind === 'reschedule' ? notFree(r) : null;
      if (refused) return { kind: 'reschedule', ok: false, reason: 'taken', ...refused };
      if (r.reason === 'BOOKING_NOT_ACTIVE' || r.reason === 'BOOKING_CHANGED') {
        const fresh = await readBookings(deps, business.id, { ids: [e.bookingId] });
        return { kind: e.kind, ok: false, reason: 'not_active', status: fresh[0]?.facts.status ?? 'cancelled' };
      }
      if (r.reason === 'CANCELLATION_WINDOW_PASSED') return { kind: e.kind, ok: false, reason: 'too_late', deadline: Date.parse(String(r.details?.deadline)) };
      return { kind: e.kind, ok: false, reason: 'error' };
    }
    case 'erase':
      // Erasing empties the conversation row this turn is about to write (its version, its
      // token): it runs at the end of the turn, in the same transaction, so both or neither commit.
      notes.erase = true;
      return { kind: 'erase', ok: true };
    case 'searchKnowledge': {
      const hit = await searchKnowledge(deps.db, business.id, e.lang, e.text);
      // Nothing answers it: the owner sees it in the console's unanswered questions (same transaction as the turn).
      if (!hit && e.record) await recordUnanswered(deps.db, business.id, e.lang, e.text, deps.clock.now());
      return { kind: 'searchKnowledge', ok: true, hit };
    }
    case 'joinWaitlist': {
      const { kind: _k, ...entry } = e;
      const entryId = await joinWaitlist(deps.db, { ...entry, businessId: business.id, timeZone: business.timeZone, conversationId: scope.conversationId, channel: scope.channel }, deps.clock.now());
      return { kind: 'joinWaitlist', ok: true, entryId };
    }
    case 'askAssistant': {
      // Asked before the transaction: the answer kept for this text, else none (never the model inside it).
      if (scope.answers) return scope.answers.get(e.text) ?? { kind: 'askAssistant', ok: false, reason: 'error' };
      // Off (or no context): answered as without AI. The model's deadline bounds how long this holds the turn.
      const assistant = scope.ctx ? await assistantFor(deps, business.id) : undefined;
      if (!assistant || !scope.ctx) return { kind: 'askAssistant', ok: false, reason: 'error' };
      const r = await runAssistant(deps, assistant, { business, ctx: scope.ctx, lang: e.lang, text: e.text });
      return r.ok ? { kind: 'askAssistant', ok: true, reply: r.reply, action: r.action, serviceId: r.serviceId } : { kind: 'askAssistant', ok: false, reason: r.reason };
    }
  }
}
