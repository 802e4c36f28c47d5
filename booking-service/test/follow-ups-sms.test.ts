/**
 * Follow-ups of phone-only widget leads by SMS (issue 17), through the real SMS.ru client against
 * the loopback fake provider, on both databases: a lead who left only a phone and went silent gets
 * the day-1 nudge once, as one segment with a short link to its follow-up page, and in the
 * transcript; a reply cancels the rest; a booking cancels the rest; quiet hours hold it till 09:00.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { conversationMessages, conversations, followUps } from '../src/adapters/db/schema.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { smsSegments } from '../src/domain/channels/sms-text.js';
import { followUpSms } from '../src/domain/follow-ups/sms-text.js';
import { startSmsEmulator, type SmsEmulator } from '../src/dev/sms-emulator.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { visitor, type Visitor } from './support/visitor.js';

const BARBER = 'demo-barber-nyc';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2026-03-02 10:00 in New York: outside the 21:00–09:00 quiet hours. */
const MORNING = '2026-03-02T15:00:00.000Z';

describe.each(dbKinds)('follow-ups by SMS on %s', (kind) => {
  let h: Harness;
  let sms: SmsEmulator;
  let d: JobDeps;
  let url: string;
  let n = 0;

  beforeAll(async () => {
    h = await createHarness(kind, { now: MORNING });
    sms = await startSmsEmulator({ now: () => h.clock.now().getTime() });
    url = (await h.http()).url;
    h.deps.publicUrl = url;
    const channels = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', appSecret: h.deps.secret, publicUrl: url, sms: { apiUrl: sms.apiUrl, apiKey: sms.apiKey } });
    d = { ...jobDeps(h, 'outbox'), channels, publicUrl: url };
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await sms?.close();
  });

  const run = () => runNow(d, h);
  const at = async (from: number, ms: number) => {
    h.clock.set(new Date(from + ms));
    await run();
  };
  const rows = (conversationId: string) => h.deps.db.select().from(followUps).where(eq(followUps.conversationId, conversationId)).orderBy(asc(followUps.dueAt));
  const textsTo = (digits: string) => sms.sent.filter((m) => m.to === digits).map((m) => m.text);
  const botTexts = async (conversationId: string) =>
    (await h.deps.db.select().from(conversationMessages).where(and(eq(conversationMessages.conversationId, conversationId), eq(conversationMessages.from, 'bot'))).orderBy(asc(conversationMessages.seq))).map((m) => m.text);

  /** A lead that asked for a person, left only a phone (with consent) and went quiet. */
  async function phoneLead(): Promise<{ v: Visitor; digits: string; t0: number }> {
    const local = `555${String(1000 + ++n)}`;
    const v = visitor(h, BARBER, 'en');
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Do you do kids haircuts on weekends?' });
    await v.send({ type: 'contact', name: 'Pat', contact: `+1 718 ${local}`, consent: true });
    return { v, digits: `1718${local}`, t0: h.clock.now().getTime() };
  }

  it('a silent phone-only lead gets the day-1 follow-up by SMS once: one segment, a short link to its follow-up page, in the transcript too', async () => {
    const { v, digits, t0 } = await phoneLead();
    const id = v.view.conversationId;
    expect((await rows(id)).map((r) => [r.sequence, r.step, r.status])).toEqual([['silent', 0, 'scheduled'], ['silent', 1, 'scheduled'], ['silent', 2, 'scheduled']]);
    await at(t0, DAY - MIN);
    expect(textsTo(digits)).toHaveLength(0);
    await at(t0, DAY);
    await run();
    const texts = textsTo(digits);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^[^:]+: can we help\? Reply here: http:\/\/127\.0\.0\.1:\d+\/l\/[0-9A-Za-z]{10}$/);
    expect(smsSegments(texts[0]!)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    const link = /(http:\/\/\S+\/l\/[0-9A-Za-z]{10})/.exec(texts[0]!)![1]!;
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/follow-up\?t=/);
    const [sent] = await rows(id);
    expect(sent).toMatchObject({ status: 'sent', via: 'sms' });
    expect((await botTexts(id)).at(-1)).toContain('Hello Pat!');

    // The reply (on the follow-up page or the widget) cancels the rest: days 3 and 7 never go.
    h.clock.set(new Date(t0 + DAY + HOUR));
    await v.send({ type: 'text', text: 'Yes, Saturday please' });
    expect((await rows(id)).filter((r) => r.scheduledAt.getTime() === t0).map((r) => [r.status, r.reason])).toEqual([['sent', null], ['cancelled', 'replied'], ['cancelled', 'replied']]);
    // The old day 3 never goes; the new plan counts from the reply (its day 1 is t0 + 2 days + 1 h).
    await at(t0, 3 * DAY);
    expect(textsTo(digits)).toHaveLength(2);
    expect((await rows(id)).filter((r) => r.status === 'sent').map((r) => r.dueAt.getTime() - t0)).toEqual([DAY, 2 * DAY + HOUR]);
  });

  it('a phone-only lead who books: nothing more is sent', async () => {
    h.clock.set(new Date(Date.parse(MORNING) + 10 * DAY));
    const { v, digits, t0 } = await phoneLead();
    await v.send({ type: 'choose', optionId: 'intent:book' });
    for (let i = 0; i < 8; i++) {
      const p = v.view.prompt;
      if (p.kind === 'slots') await v.send({ type: 'choose', optionId: p.slots[0]!.id });
      else if (p.kind === 'confirm') await v.send({ type: 'choose', optionId: p.yes.id });
      else if (p.kind === 'choice' && !p.menu) await v.send({ type: 'choose', optionId: p.options[0]!.id });
      else break;
    }
    const [c] = await h.deps.db.select().from(conversations).where(eq(conversations.id, v.view.conversationId));
    expect(c!.outcome).toBe('booked');
    expect((await rows(v.view.conversationId)).filter((r) => r.status === 'scheduled')).toEqual([]);
    expect((await rows(v.view.conversationId)).some((r) => r.reason === 'booked')).toBe(true);
    await at(t0, 8 * DAY);
    // The booking's own confirmation goes by SMS; no follow-up does.
    expect(textsTo(digits).filter((t) => t.includes('can we help'))).toHaveLength(0);
  });

  it('quiet hours: a follow-up SMS due at night waits until 09:00 in the client’s zone', async () => {
    // 22:30 in New York: the day-1 follow-up falls due at 22:30 the next night.
    h.clock.set(new Date('2026-03-24T02:30:00.000Z'));
    const { v, digits, t0 } = await phoneLead();
    await at(t0, DAY);
    expect(textsTo(digits)).toHaveLength(0);
    expect((await rows(v.view.conversationId))[0]!.dueAt.toISOString()).toBe('2026-03-25T13:00:00.000Z');
    // 09:00 EDT on Wednesday 2026-03-25 = 13:00Z.
    await at(Date.parse('2026-03-25T13:00:00.000Z'), 0);
    await run();
    expect(textsTo(digits)).toHaveLength(1);
  });

  it('the texts fit one segment in ru, hy and en with a short link (the quote dropped first), the link always whole', () => {
    const link = 'https://fd.am/l/AbCdEfGhIj';
    for (const lang of ['ru', 'hy', 'en'] as const) {
      for (const seq of ['nudge', 'quote', 'silent'] as const) {
        const t = followUpSms(seq, { businessName: 'Салон «Северная звезда» на Невском', quote: 'Стрижка — 2 500 ₽', link }, lang);
        expect(t.endsWith(link)).toBe(true);
        expect(smsSegments(t).segments, `${lang} ${seq}: ${t}`).toBe(1);
        const long = followUpSms(seq, { businessName: 'Салон «Северная звезда» на Невском', link: `https://bookings.example.com/l/AbCdEfGhIj` }, lang);
        expect(long.endsWith('/l/AbCdEfGhIj')).toBe(true);
        expect(smsSegments(long).segments).toBeLessThanOrEqual(2);
      }
    }
    expect(followUpSms('quote', { businessName: 'Uptown Barber', quote: 'Haircut - $40', link }, 'en')).toBe(`Uptown Barber: your quote: Haircut - $40. Book or say no: ${link}`);
  });
});
