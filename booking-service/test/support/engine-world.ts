/**
 * The engine's world without a database: an EngineContext built from the demo seed, and a fake
 * of every effect (free slots on a simple grid, holds, bookings, codes, hand-offs) that a test can
 * bend (take a time, expire a hold, cancel a booking "elsewhere"). Synchronous, like the engine.
 */
import type { Lang } from '../../src/domain/messages/types.js';
import { DEMO } from '../../src/seed/demo.js';
import { demoQuoteTrees } from '../../src/seed/quote-trees.js';
import { quoteTreeSchema } from '../../src/domain/quote/index.js';
import type { EngineContext } from '../../src/domain/conversation/context.js';
import type { BookingFacts, ClosedWhy, Effect, EffectResult, SlotRef } from '../../src/domain/conversation/effects.js';
import { openConversation, resume, start, type OutMessage, type Fact } from '../../src/domain/conversation/engine.js';
import { promptOf } from '../../src/domain/conversation/prompt.js';
import type { ConversationState } from '../../src/domain/conversation/state.js';
import type { Prompt, VisitorEvent } from '../../src/domain/conversation/protocol.js';
import { addDays, utcToZoned, zonedToUtc } from '@frontdesk/shared';
import { normaliseContact, type ContactPoint } from '../../src/domain/conversation/contact.js';

/** A Monday, 09:00 in Moscow, 10:00 in Yerevan, 01:00 in New York. */
export const NOW = Date.parse('2026-03-02T06:00:00Z');

export type SiteKey = 'demo-salon-spb' | 'demo-clinic-yerevan' | 'demo-barber-nyc';

export function demoContext(siteKey: SiteKey, now = NOW): EngineContext {
  const d = DEMO.find((x) => x.siteKey === siteKey)!;
  const b = d.business;
  return {
    now,
    publicUrl: 'https://fd.test',
    business: {
      name: b.name,
      address: b.address ?? '',
      phone: b.phone ?? null,
      timeZone: b.timeZone,
      currency: b.currency,
      languages: b.languages,
      defaultLang: b.defaultLang,
      cancellationWindowMin: b.cancellationWindowMin ?? 120,
      holdMinutes: b.holdMinutes ?? 10,
      horizonDays: b.horizonDays ?? 60,
      whatToBring: b.whatToBring ?? null,
      openingHours: b.openingHours,
    },
    services: d.services.map((s) => ({
      id: s.id,
      names: s.names,
      durationMin: s.durationMin,
      price: s.priceMax != null && s.priceMax !== s.priceMin ? { kind: 'range', min: s.priceMin, max: s.priceMax } : { kind: 'fixed', amount: s.priceMin },
      currency: b.currency,
      staffIds: s.staff,
    })),
    staff: d.staff.map((p) => ({ id: p.id, name: p.name })),
    greeting: d.widget.greeting,
    intents: d.widget.intents,
    quoteTrees: (demoQuoteTrees[siteKey] ?? []).map((t) => quoteTreeSchema.parse(t)),
  };
}

export interface Booked extends BookingFacts {
  customer: { name: string; contact: ContactPoint };
}

/**
 * Free times: every staff member of a service, every day, on the hour from 10:00 to 17:00
 * business time, from two hours after `now`; minus `taken` and booked times.
 */
export class World {
  readonly effects: Effect[] = [];
  readonly taken = new Set<number>();
  /** Starts refused because the business is closed that day or not open then (the service's CLOSED / OUTSIDE_HOURS). */
  readonly closed = new Map<number, ClosedWhy>();
  readonly bookings = new Map<string, Booked>();
  readonly codes = new Map<string, { code: string; contact: string; attempts: number; used: boolean }>();
  /** Contacts (normalised) that have bookings, and the e-mail a code goes to. */
  readonly customers = new Map<string, { id: string; email: string | null }>();
  /**
   * The owner's knowledge base, searched naively: an entry answers when the question contains one
   * of its words (the real search is PostgreSQL's, tested in test/knowledge-base.test.ts).
   */
  readonly knowledge: Array<{ id: string; words: string[]; answer: string; serviceId?: string }> = [];
  /** Staff with no free time at all (a full calendar). */
  readonly away = new Set<string>();
  holdsExpire = false;
  failNext: Effect['kind'] | null = null;
  private n = 0;

  constructor(readonly ctx: EngineContext) {}

  slotsFor(serviceId: string, staffId: string | null, from: string, days: number, exclude?: string): SlotRef[] {
    const svc = this.ctx.services.find((s) => s.id === serviceId)!;
    const staff = (staffId ? [staffId] : svc.staffIds).filter((id) => !this.away.has(id));
    const tz = this.ctx.business.timeZone;
    const out: SlotRef[] = [];
    for (let i = 0; i < days; i++) {
      const date = addDays(from, i);
      for (let h = 10; h <= 17; h++) {
        const start = zonedToUtc(date, h * 60, tz);
        if (start < this.ctx.now + 2 * 3_600_000 || this.taken.has(start)) continue;
        const free = staff.filter((id) => ![...this.bookings.values()].some((b) => b.id !== exclude && b.status === 'confirmed' && b.staffId === id && b.start === start));
        if (free.length) out.push({ start, end: start + svc.durationMin * 60_000, staffId: free[0]! });
      }
    }
    return out;
  }

  perform(e: Effect): EffectResult {
    this.effects.push(e);
    if (this.failNext === e.kind) {
      this.failNext = null;
      return { kind: e.kind, ok: false, reason: 'error' };
    }
    switch (e.kind) {
      case 'findSlots':
        return { kind: 'findSlots', ok: true, slots: this.slotsFor(e.serviceId, e.staffId, e.from, e.days, e.excludeBookingId) };
      case 'release':
        return { kind: 'release', ok: true };
      case 'hold': {
        if (this.taken.has(e.start) || this.closed.has(e.start)) {
          const tz = this.ctx.business.timeZone;
          const alternatives = this.slotsFor(e.serviceId, e.staffId, utcToZoned(e.start, tz).date, 2).slice(0, 3);
          const why = this.closed.get(e.start);
          return { kind: 'hold', ok: false, reason: 'taken', alternatives, ...(why ? { why } : {}) };
        }
        const free = this.slotsFor(e.serviceId, e.staffId, utcToZoned(e.start, this.ctx.business.timeZone).date, 1).find((s) => s.start === e.start);
        return { kind: 'hold', ok: true, holdToken: `hold|${e.start}|${free?.staffId ?? e.staffId}|${e.serviceId}`, expiresAt: this.holdsExpire ? this.ctx.now : this.ctx.now + 10 * 60_000, staffId: free?.staffId ?? e.staffId ?? 'x' };
      }
      case 'confirm': {
        const [, start, staffId, serviceId] = e.holdToken.split('|');
        const closedSince = this.closed.get(Number(start));
        if (closedSince) return { kind: 'confirm', ok: false, reason: 'closed', why: closedSince };
        const id = `bk-${++this.n}`;
        const svc = this.ctx.services.find((s) => s.id === serviceId)!;
        const b: Booked = {
          id, status: 'confirmed', start: Number(start), end: Number(start) + svc.durationMin * 60_000, serviceId: svc.id, staffId: staffId!,
          staffName: this.ctx.staff.find((s) => s.id === staffId)!.name, manageToken: `mt-${id}`, price: null, priceSummary: null,
          customer: { name: e.name, contact: e.contact },
        };
        this.bookings.set(id, b);
        this.customers.set(normaliseContact(e.contact), { id: `cust-${id}`, email: e.contact.email ?? null });
        return { kind: 'confirm', ok: true, booking: b, customerId: `cust-${id}` };
      }
      case 'joinWaitlist':
        return { kind: 'joinWaitlist', ok: true, entryId: `wl-${++this.n}` };
      case 'handoff':
        return { kind: 'handoff', ok: true, id: `ho-${++this.n}`, expectedReplyBy: this.ctx.now + 3_600_000, withinOpeningHours: true };
      case 'sendCode': {
        const c = this.customers.get(normaliseContact(e.contact));
        if (e.contact.phone && !c?.email) return { kind: 'sendCode', ok: false, reason: 'no_email' };
        const requestId = `req-${++this.n}`;
        this.codes.set(requestId, { code: '123456', contact: normaliseContact(e.contact), attempts: 0, used: false });
        return { kind: 'sendCode', ok: true, requestId, sentTo: 'an•••@example.com', ttlMin: 10 };
      }
      case 'verifyCode': {
        const c = this.codes.get(e.requestId)!;
        if (c.used || c.attempts >= 5) return { kind: 'verifyCode', ok: false, reason: 'expired' };
        if (c.code !== e.code) {
          c.attempts++;
          return { kind: 'verifyCode', ok: false, reason: 'wrong', attemptsLeft: 5 - c.attempts };
        }
        c.used = true;
        const cust = this.customers.get(c.contact);
        return { kind: 'verifyCode', ok: true, customerIds: cust ? [cust.id] : [] };
      }
      case 'loadBookings': {
        const all = [...this.bookings.values()];
        const by = e.by;
        const list = 'customerIds' in by
          ? all.filter((b) => by.customerIds.includes(this.customers.get(normaliseContact(b.customer.contact))?.id ?? ''))
          : 'bookingIds' in by
            ? all.filter((b) => by.bookingIds.includes(b.id))
            : all.filter((b) => `mt-${b.id}` === by.manageToken);
        if ('manageToken' in by && list.length === 0) return { kind: 'loadBookings', ok: false, reason: 'link_invalid' };
        return { kind: 'loadBookings', ok: true, bookings: list.map((b) => ({ ...b })) };
      }
      case 'reschedule': {
        const b = this.bookings.get(e.bookingId)!;
        if (b.status !== 'confirmed') return { kind: 'reschedule', ok: false, reason: 'not_active', status: b.status };
        b.start = e.start;
        b.end = e.start + 3_600_000;
        return { kind: 'reschedule', ok: true, booking: { ...b } };
      }
      case 'cancel': {
        const b = this.bookings.get(e.bookingId)!;
        if (b.status !== 'confirmed') return { kind: 'cancel', ok: false, reason: 'not_active', status: b.status };
        b.status = 'cancelled';
        return { kind: 'cancel', ok: true, booking: { ...b } };
      }
      case 'erase':
        return { kind: 'erase', ok: true };
      case 'searchKnowledge': {
        const q = e.text.toLowerCase();
        const entry = this.knowledge.find((k) => k.words.some((w) => q.includes(w)));
        return { kind: 'searchKnowledge', ok: true, hit: entry ? { entryId: entry.id, answer: entry.answer, serviceId: entry.serviceId ?? null } : null };
      }
      case 'askAssistant':
        // The engine-level world has no model (test/assistant.test.ts drives the fake provider).
        return { kind: 'askAssistant', ok: false, reason: 'error' };
    }
  }
}

export interface Step {
  state: ConversationState;
  messages: OutMessage[];
  facts: Fact[];
  prompt: Prompt;
}

/** A conversation driven to the end of each turn (every effect carried out by the world). */
export class Chat {
  state: ConversationState;
  readonly transcript: OutMessage[] = [];
  readonly facts: Fact[] = [];
  last: OutMessage[] = [];

  constructor(readonly world: World, lang: Lang) {
    const out = openConversation(world.ctx, lang);
    this.state = out.state;
    this.transcript.push(...out.messages);
  }

  get ctx() {
    return this.world.ctx;
  }

  get prompt(): Prompt {
    return promptOf(this.state, this.world.ctx);
  }

  send(event: VisitorEvent): OutMessage[] {
    let out = start(this.state, event, this.world.ctx);
    const messages = [...out.messages];
    this.facts.push(...out.facts);
    for (let i = 0; out.effect && i < 10; i++) {
      out = resume(out.state, this.world.perform(out.effect), this.world.ctx);
      messages.push(...out.messages);
      this.facts.push(...out.facts);
    }
    this.state = out.state;
    this.transcript.push(...messages);
    this.last = messages;
    return messages;
  }

  choose(optionId: string) {
    return this.send({ type: 'choose', optionId });
  }

  text(text: string) {
    return this.send({ type: 'text', text });
  }

  /** The id of the option (or action, slot) whose label contains `label`. */
  option(label: string | RegExp): string {
    const p = this.prompt;
    const all = [
      ...(p.kind === 'choice' ? p.options : []),
      ...(p.kind === 'confirm' ? [p.yes, p.no] : []),
      ...('actions' in p && p.actions ? p.actions : []),
    ];
    const hit = all.find((o) => (typeof label === 'string' ? o.label.includes(label) : label.test(o.label)));
    if (!hit) throw new Error(`no option ${String(label)} in ${JSON.stringify(p)}`);
    return hit.id;
  }

  /** The slots prompt on show (throws if another prompt is). */
  slots() {
    const p = this.prompt;
    if (p.kind !== 'slots') throw new Error(`not a slots prompt: ${p.kind}`);
    return p;
  }

  /** Starts booking `serviceId` with anyone and picks the `index`-th time on show: a hold, then the contact form. */
  hold(serviceId: string, index = 0) {
    this.send({ type: 'start', flow: 'book', serviceId });
    if (this.state.step.at === 'staff') this.choose('staff:any');
    this.choose(this.slots().slots[index]!.id);
  }

  /** Bot texts of the last turn. */
  get said(): string[] {
    return this.last.filter((m) => m.from === 'bot').map((m) => m.text);
  }
}
