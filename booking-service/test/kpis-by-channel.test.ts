/**
 * KPIs by channel against a hand-built fixture (definitions: src/services/console/kpis-by-channel.ts), on PGlite and
 * PostgreSQL: two Telegram conversations, one WhatsApp and two widget chats (one without a
 * server-side row), hand-offs on each, attendance marks — every figure computed by hand below.
 */
import type { ConversationChannel, EventKind } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, handoffs, users } from '../src/adapters/db/schema.js';
import { createConsoleCaller } from '../src/api/console/router.js';
import { createSession, loadSession } from '../src/services/console/sessions.js';
import { recordEvent } from '../src/services/events.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

const BIZ = 'biz-salon-spb';
const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-03-15T00:00:00.000Z';
const at = (day: number, hh = 10) => new Date(Date.UTC(2026, 2, day, hh));

/** Conversations with a server-side row; 'w-old' (an old widget chat) has none. */
const CONVS: Array<[string, ConversationChannel]> = [['tg1', 'telegram'], ['tg2', 'telegram'], ['wa1', 'whatsapp'], ['w1', 'widget']];

const EVENTS: Array<{ kind: EventKind; c: string; day: number; hh?: number; booking?: string; valueMs?: number }> = [
  // tg1: asked for a person, answered in 2 min, booked (b1), no-show.
  { kind: 'handoff_requested', c: 'tg1', day: 2 },
  { kind: 'first_human_reply', c: 'tg1', day: 2, valueMs: 120_000 },
  { kind: 'booking_made', c: 'tg1', day: 2, booking: 'b1' },
  { kind: 'no_show', c: 'tg1', day: 5, booking: 'b1' },
  // tg2: quoted, answered in 4 min, no booking.
  { kind: 'quote_given', c: 'tg2', day: 3 },
  { kind: 'first_human_reply', c: 'tg2', day: 3, valueMs: 240_000 },
  // wa1: asked for a person, answered in 10 min, booked (b2), attended after a no-show was undone.
  { kind: 'handoff_requested', c: 'wa1', day: 4 },
  { kind: 'first_human_reply', c: 'wa1', day: 4, valueMs: 600_000 },
  { kind: 'booking_made', c: 'wa1', day: 4, booking: 'b2' },
  { kind: 'no_show', c: 'wa1', day: 6, booking: 'b2' },
  { kind: 'attended', c: 'wa1', day: 6, hh: 12, booking: 'b2' },
  // w1 (widget, with a row): quoted, booked (b3), attended.
  { kind: 'quote_given', c: 'w1', day: 5 },
  { kind: 'booking_made', c: 'w1', day: 5, booking: 'b3' },
  { kind: 'attended', c: 'w1', day: 8, booking: 'b3' },
  // w-old (widget, no row): asked for a person, no booking.
  { kind: 'handoff_requested', c: 'w-old', day: 7 },
  // Outside the period: never counted.
  { kind: 'handoff_requested', c: 'tg1', day: 20 },
];

describe.each(dbKinds)('KPIs by channel on %s', (kind) => {
  let h: Harness;
  let dash: ReturnType<typeof createConsoleCaller>['dashboard'];

  beforeAll(async () => {
    h = await createHarness(kind, { now: '2026-03-16T10:00:00Z' });
    await h.deps.db.insert(users).values({ id: 'u-kpc', businessId: BIZ, email: 'kpc@salon.test', name: 'Owner', role: 'owner', lang: 'ru' });
    const { token } = await createSession(h.deps, 'u-kpc');
    const session = await loadSession(h.deps, token);
    dash = createConsoleCaller({ deps: h.deps, ip: '127.0.0.1', session, csrfHeader: session!.csrfToken, cookies: { setSession() {}, clearSession() {} } }).dashboard;
    for (const [id, channel] of CONVS) {
      await h.deps.db.insert(conversations).values({ id, businessId: BIZ, channel, externalRef: channel === 'widget' ? null : `${id}-chat`, tokenHash: `t-${id}`, lang: 'ru', state: {}, createdAt: at(1), updatedAt: at(1) });
    }
    for (const e of EVENTS) {
      await recordEvent(h.deps.db, { businessId: BIZ, kind: e.kind, at: at(e.day, e.hh), conversationId: e.c, bookingId: e.booking ?? null, valueMs: e.valueMs ?? null });
    }
    // Hand-offs: tg1 in time, wa1 late, w-old (the widget's form) unanswered; one outside the period.
    const handoff = (id: string, c: string | null, day: number, replyAfterMin: number | null) =>
      h.deps.db.insert(handoffs).values({
        id, businessId: BIZ, message: 'm', contactName: 'n', lang: 'ru', conversationId: c, createdAt: at(day),
        expectedReplyBy: new Date(at(day).getTime() + 5 * 60_000), firstReplyAt: replyAfterMin === null ? null : new Date(at(day).getTime() + replyAfterMin * 60_000),
      });
    await handoff('h-tg1', 'tg1', 2, 2);
    await handoff('h-wa1', 'wa1', 4, 10);
    await handoff('h-form', null, 7, null);
    await handoff('h-late', 'tg1', 20, 1);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('breaks first response, SLA%, lead → booking and no-show rate down by channel', async () => {
    expect(await dash.byChannel({ from: FROM, to: TO })).toEqual([
      // widget: w1 (quoted, booked) and w-old (asked, not booked) → 1/2; the form hand-off unanswered → 0 %;
      // b3 attended → 0 no-shows of 1.
      { channel: 'widget', conversations: 2, leads: 2, leadToBooking: 0.5, handoffs: 1, slaPercent: 0, firstResponseHumanMs: null, marked: 1, noShowRate: 0 },
      // telegram: tg1 booked, tg2 not → 1/2; median of 2 and 4 min = 3 min; h-tg1 in time → 100 %; b1 no-show → 1/1.
      { channel: 'telegram', conversations: 2, leads: 2, leadToBooking: 0.5, handoffs: 1, slaPercent: 100, firstResponseHumanMs: 180_000, marked: 1, noShowRate: 1 },
      // whatsapp: wa1 booked → 1/1; 10 min; answered late → 0 %; b2's latest mark is attended → 0/1.
      { channel: 'whatsapp', conversations: 1, leads: 1, leadToBooking: 1, handoffs: 1, slaPercent: 0, firstResponseHumanMs: 600_000, marked: 1, noShowRate: 0 },
    ]);
  });

  it('a period with nothing lists no channel; a bad period is a 400 naming the field; another business’s site is not found', async () => {
    expect(await dash.byChannel({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' })).toEqual([]);
    expect(await failureOf(dash.byChannel({ from: TO, to: FROM }))).toMatchObject({ code: 'BAD_REQUEST', data: { fields: [{ path: 'to' }] } });
    expect(await failureOf(dash.byChannel({ from: FROM, to: TO, siteId: 'site-demo-barber-nyc' }))).toMatchObject({ data: { field: 'siteId' } });
  });
});
