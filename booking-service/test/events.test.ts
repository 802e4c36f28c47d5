/**
 * KPI events: the public `events.record` (what only the widget sees) and the events each use
 * case writes with its change — confirm, quote, hand-off, interpret, attendance, manage — all
 * carrying the widget's conversation id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { bookings, events, handoffs } from '../src/adapters/db/schema.js';
import { markAttendance } from '../src/services/attendance.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';
import { freeStart } from './support/booking.js';

const SALON = 'demo-salon-spb';
const SERVICE = 'salon-haircut-men';

describe.each(dbKinds)('KPI events on %s', (kind) => {
  let h: Harness;
  const ofConversation = (c: string) => h.deps.db.select().from(events).where(eq(events.conversationId, c));

  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('events.record stores widget_opened and intent_chosen for the site’s business', async () => {
    expect(await h.caller().events.record({ siteKey: SALON, conversationId: 'conv-open', kind: 'widget_opened' })).toEqual({ ok: true });
    await h.caller().events.record({ siteKey: SALON, conversationId: 'conv-open', kind: 'intent_chosen', intent: 'prices' });
    const rows = (await ofConversation('conv-open')).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(rows.map((r) => [r.kind, r.intent, r.businessId, r.siteId, r.channel, r.at.toISOString()])).toEqual([
      ['intent_chosen', 'prices', 'biz-salon-spb', 'site-demo-salon-spb', 'widget', '2026-03-02T06:00:00.000Z'],
      ['widget_opened', null, 'biz-salon-spb', 'site-demo-salon-spb', 'widget', '2026-03-02T06:00:00.000Z'],
    ]);
  });

  it('events.record checks the origin like every public call and names bad fields', async () => {
    const foreign = await failureOf(h.caller('https://evil.example').events.record({ siteKey: SALON, conversationId: 'conv-evil', kind: 'widget_opened' }));
    expect(foreign.code).toBe('FORBIDDEN');
    expect(await ofConversation('conv-evil')).toHaveLength(0);
    const cases: Array<[unknown, string]> = [
      [{ siteKey: SALON, conversationId: 'has space', kind: 'widget_opened' }, 'conversationId'],
      [{ siteKey: SALON, conversationId: 'x'.repeat(65), kind: 'widget_opened' }, 'conversationId'],
      [{ siteKey: SALON, kind: 'widget_opened' }, 'conversationId'],
      [{ siteKey: SALON, conversationId: 'c', kind: 'booking_made' }, 'kind'],
      [{ siteKey: SALON, conversationId: 'c', kind: 'intent_chosen', intent: 'anything' }, 'intent'],
      [{ siteKey: 'no such', conversationId: 'c', kind: 'widget_opened' }, 'siteKey'],
    ];
    for (const [input, field] of cases) {
      const e = await failureOf(h.caller().events.record(input as never));
      expect(e.code, field).toBe('BAD_REQUEST');
      expect(e.message, field).toContain(field);
    }
    expect((await failureOf(h.caller().events.record({ siteKey: 'nope', conversationId: 'c', kind: 'widget_opened' }))).code).toBe('NOT_FOUND');
    // The other public inputs take the same id, with the same rule.
    const hold = await failureOf(h.caller().booking.hold({ siteKey: SALON, serviceId: SERVICE, start: '2026-03-04T08:00:00Z', conversationId: 'a/b' }));
    expect(hold.message).toContain('conversationId');
  });

  let manageToken = '';
  let bookingId = '';
  it('a hold confirmed records booking_made, and the booking keeps the conversation', async () => {
    const { slots } = await h.caller().slots.find({ siteKey: SALON, serviceId: SERVICE, from: '2026-03-04', days: 1, conversationId: 'conv-book' });
    const hold = await h.caller().booking.hold({ siteKey: SALON, serviceId: SERVICE, start: slots[0]!.start, conversationId: 'conv-book' });
    const done = await h.caller().booking.confirm({
      holdToken: hold.holdToken, customer: { name: 'Анна', email: 'anna@example.com' }, consent: true, lang: 'ru', idempotencyKey: 'events-test-1', conversationId: 'conv-book',
    });
    manageToken = done.manageToken;
    bookingId = done.booking.id;
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.conversationId).toBe('conv-book');
    const evs = await ofConversation('conv-book');
    expect(evs.map((e) => [e.kind, e.bookingId, e.siteId, e.channel])).toEqual([['booking_made', bookingId, 'site-demo-salon-spb', 'widget']]);
    // A retried confirm returns the booking and records nothing more.
    await h.caller().booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Анна', email: 'anna@example.com' }, consent: true, lang: 'ru', idempotencyKey: 'events-test-1' });
    expect(await ofConversation('conv-book')).toHaveLength(1);
  });

  it('the visitor rescheduling and cancelling records rescheduled and cancelled on the conversation', async () => {
    const [row] = await h.deps.db.select().from(bookings).where(eq(bookings.id, bookingId));
    const start = await freeStart(h, row!.staffId, '2026-03-05');
    await h.caller().booking.reschedule({ manageToken, start });
    await h.caller().booking.cancel({ manageToken });
    await h.caller().booking.cancel({ manageToken }); // idempotent: no second event
    const kinds = (await ofConversation('conv-book')).map((e) => e.kind).sort();
    expect(kinds).toEqual(['booking_made', 'cancelled', 'rescheduled']);
  });

  it('staff marking attendance records attended / no_show (each mark, corrections too)', async () => {
    const { slots } = await h.caller().slots.find({ siteKey: SALON, serviceId: SERVICE, from: '2026-03-06', days: 1 });
    const hold = await h.caller().booking.hold({ siteKey: SALON, serviceId: SERVICE, start: slots[0]!.start, conversationId: 'conv-visit' });
    const done = await h.caller().booking.confirm({ holdToken: hold.holdToken, customer: { name: 'Ира', phone: '+7 900 123-45-67' }, consent: true, lang: 'ru', idempotencyKey: 'events-test-2' });
    // Before the appointment: refused, nothing recorded (attendance is marked after the fact).
    expect(await markAttendance(h.deps, { businessId: 'biz-salon-spb', bookingId: done.booking.id, status: 'no_show' })).toMatchObject({ ok: false, reason: 'ATTENDANCE_TOO_EARLY' });
    const before = h.clock.now();
    h.clock.set(new Date(Date.parse(done.booking.start) + 5 * 60_000).toISOString());
    try {
      await markAttendance(h.deps, { businessId: 'biz-salon-spb', bookingId: done.booking.id, status: 'no_show' });
      await markAttendance(h.deps, { businessId: 'biz-salon-spb', bookingId: done.booking.id, status: 'attended' });
      // Another business's booking id: refused, and nothing recorded.
      await markAttendance(h.deps, { businessId: 'biz-barber-nyc', bookingId: done.booking.id, status: 'no_show' });
    } finally {
      h.clock.set(before.toISOString());
    }
    const marks = (await ofConversation('conv-visit')).filter((e) => e.kind !== 'booking_made');
    expect(marks.map((e) => [e.kind, e.bookingId])).toEqual(expect.arrayContaining([['no_show', done.booking.id], ['attended', done.booking.id]]));
    expect(marks).toHaveLength(2);
  });

  it('quote.evaluate records quote_given once it reaches a final price, not for the questions before', async () => {
    const answers: Record<string, string | number> = {};
    for (let step = 0; step < 20; step++) {
      const r = await h.caller().quote.evaluate({ siteKey: SALON, treeId: 'coloring', answers, lang: 'ru', conversationId: 'conv-quote' });
      if (r.kind === 'final') {
        const evs = await ofConversation('conv-quote');
        expect(evs.map((e) => [e.kind, e.intent, e.meta])).toEqual([['quote_given', 'prices', { treeId: 'coloring', price: r.price, serviceId: r.serviceId }]]);
        return;
      }
      expect(await ofConversation('conv-quote')).toHaveLength(0);
      if (r.kind !== 'question') expect.fail(`unexpected ${r.kind}`);
      answers[r.question.id] = r.question.type === 'choice' ? r.question.options[0]!.id : r.question.min;
    }
    expect.fail('the tree never finished');
  });

  it('handoff.request records handoff_requested and stores the conversation and the qualification', async () => {
    const r = await h.caller().handoff.request({ siteKey: SALON, message: 'Срочно нужна запись', contact: { name: 'Олег', email: 'oleg@example.com' }, lang: 'ru', intent: 'book', conversationId: 'conv-hand' });
    const [row] = await h.deps.db.select().from(handoffs).where(eq(handoffs.id, r.id));
    expect(row).toMatchObject({ conversationId: 'conv-hand', temperature: 'hot', createdAt: new Date('2026-03-02T06:00:00Z') });
    // 09:00 Moscow, before opening: 5 working minutes from 10:00.
    expect(r.expectedReplyBy).toBe('2026-03-02T07:05:00.000Z');
    const evs = await ofConversation('conv-hand');
    expect(evs.map((e) => [e.kind, e.handoffId, e.intent])).toEqual([['handoff_requested', r.id, 'book']]);
  });

  it('chat.interpret records bot_reply with the server’s processing time and the intent found', async () => {
    const r = await h.caller().chat.interpret({ siteKey: SALON, text: 'сколько стоит стрижка?', lang: 'ru', conversationId: 'conv-chat' });
    const [e] = await h.deps.db.select().from(events).where(and(eq(events.conversationId, 'conv-chat'), eq(events.kind, 'bot_reply')));
    expect(e!.intent).toBe(r.intent);
    expect(e!.valueMs).toBeGreaterThanOrEqual(0);
    expect(e!.valueMs).toBeLessThan(5_000);
  });
});
