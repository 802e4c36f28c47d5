/**
 * SMS through the real SMS.ru client against the loopback fake provider: a phone-only widget
 * booking gets a one-segment confirmation with a short manage link, once; a client with an
 * e-mail does not; a provider outage during a reminder burst loses nothing and sends nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { businesses, jobs, sentMessages } from '../src/adapters/db/schema.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { smsSegments } from '../src/domain/channels/sms-text.js';
import { startSmsEmulator, type SmsEmulator } from '../src/dev/sms-emulator.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { book } from './support/booking.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const HOUR = 3_600_000;
const barber = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', lang: 'en' as const };

describe('SMS notifications', () => {
  let h: Harness;
  let sms: SmsEmulator;
  let d: JobDeps;
  let url: string;

  beforeAll(async () => {
    h = await createHarness('pglite');
    sms = await startSmsEmulator({ now: () => h.clock.now().getTime() });
    url = (await h.http()).url;
    h.deps.publicUrl = url;
    const channels = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', appSecret: h.deps.secret, publicUrl: url, sms: { apiUrl: sms.apiUrl, apiKey: sms.apiKey } });
    d = { ...jobDeps(h, 'outbox'), channels };
  });
  afterAll(async () => {
    await h?.close();
    await sms?.close();
  });

  it('a phone-only widget booking gets one SMS confirmation: one segment, a short link to its manage page', async () => {
    await book(h, { ...barber, day: '2026-03-03', email: '' });
    await runNow(d, h);
    await runNow(d, h);
    expect(sms.sent).toHaveLength(1);
    const text = sms.sent[0]!.text;
    expect(sms.sent[0]!.to).toBe('79001234567');
    // What was agreed is kept (issue 11): the amount is in the text too.
    expect(text).toMatch(/booked Haircut, March 3, \d+:\d\d (AM|PM), \$\d+\./);
    expect(smsSegments(text)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    const link = /(http:\/\/\S+\/l\/[0-9A-Za-z]{10})/.exec(text)![1]!;
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/manage\?token=/);
    expect((await fetch(`${url}/l/AAAAAAAAAA`, { redirect: 'manual' })).status).toBe(404);
  });

  it('a client who left an e-mail gets the e-mail, not an SMS', async () => {
    await book(h, { ...barber, day: '2026-03-03', index: 3, email: 'sam@example.com' });
    await runNow(d, h);
    expect(sms.sent).toHaveLength(1);
  });

  it('a provider outage during a reminder burst loses nothing and sends nothing twice', async () => {
    const day = '2026-03-05';
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await book(h, { ...barber, day, index: i * 2, email: '' })).booking.id);
    await runNow(d, h);
    const confirmations = sms.sent.length;
    expect(confirmations).toBe(1 + 6);

    // The 24-hour reminders fall due while the provider is down: every attempt fails, nothing is lost.
    sms.outage('down');
    h.clock.set(new Date(Date.parse('2026-03-04T23:00:00Z')));
    await runNow(d, h);
    for (let k = 0; k < 3; k++) {
      h.clock.advance(10 * 60_000);
      await runNow(d, h);
    }
    expect(sms.sent.length).toBe(confirmations);
    expect(sms.attempts).toBeGreaterThan(confirmations + 6);
    const pending = await h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'notify.reminder'), like(jobs.lastError, '%220%')));
    expect(pending.length).toBeGreaterThanOrEqual(6);

    // Back up: each reminder goes exactly once, however many times the jobs run afterwards.
    sms.outage(null);
    for (let k = 0; k < 4; k++) {
      h.clock.advance(HOUR / 2);
      await runNow(d, h);
    }
    const reminders = sms.sent.slice(confirmations);
    expect(reminders).toHaveLength(6);
    expect(reminders.every((m) => m.text.includes('see you'))).toBe(true);
    const recorded = await h.deps.db.select().from(sentMessages).where(eq(sentMessages.kind, 'sms:reminder_1440'));
    expect(recorded.map((r) => r.subjectId).sort()).toEqual([...ids].sort());
  });
});

describe('SMS reminders and quiet hours', () => {
  let h: Harness;
  let sms: SmsEmulator;
  let d: JobDeps;
  beforeAll(async () => {
    h = await createHarness('pglite');
    sms = await startSmsEmulator({ now: () => h.clock.now().getTime() });
    const channels = buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', appSecret: h.deps.secret, publicUrl: h.deps.publicUrl, sms: { apiUrl: sms.apiUrl, apiKey: sms.apiKey } });
    d = { ...jobDeps(h, 'outbox'), channels };
    // A 12-hour reminder: for a morning appointment it falls due at night.
    await h.deps.db.update(businesses).set({ reminderLeadsMin: [720] });
  });
  afterAll(async () => {
    await h?.close();
    await sms?.close();
  });

  it('a reminder due at night waits for 08:00 in the business’s zone, then goes once', async () => {
    const done = await book(h, { ...barber, day: '2026-03-05', email: '' });
    const start = Date.parse(done.booking.start);
    await runNow(d, h);
    const confirmations = sms.sent.length;
    h.clock.set(new Date(start - 720 * 60_000)); // e.g. 22:00 local the evening before
    await runNow(d, h);
    expect(sms.sent.length).toBe(confirmations);
    h.clock.set(new Date(Date.parse('2026-03-05T12:59:00Z'))); // 07:59 in New York
    await runNow(d, h);
    expect(sms.sent.length).toBe(confirmations);
    h.clock.set(new Date(Date.parse('2026-03-05T13:00:00Z'))); // 08:00
    await runNow(d, h);
    await runNow(d, h);
    expect(sms.sent.slice(confirmations).map((m) => m.text)).toEqual([expect.stringContaining('see you')]);
    expect(sms.sent.at(-1)!.at).toBe(Date.parse('2026-03-05T13:00:00Z'));
  });
});
