/**
 * SMS replies through Twilio's API, end to end against the loopback fake provider: the real
 * Twilio client sends the reminder ("Reply 1 to confirm, 2 to reschedule"), the fake delivers the
 * client's answer to `POST /channels/sms/twilio` signed as Twilio signs it, and the answer goes
 * back through the client again — as an `sms.reply` job queued with the inbound record, so a
 * provider outage during the answer is retried and the answer goes once. Forged and replayed
 * webhooks change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { bookings, conversationMessages, conversations, followUps, handoffs, jobs, sentMessages, smsInbound } from '../src/adapters/db/schema.js';
import { visitor } from './support/visitor.js';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startSmsEmulator, type SmsEmulator } from '../src/dev/sms-emulator.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

const barber = { siteKey: 'demo-barber-nyc', serviceId: 'barber-haircut', lang: 'en' as const };
const PHONE = '79001234567';

describe.each(dbKinds)('SMS replies "1" / "2" (Twilio) on %s', (kind) => {
  let h: Harness;
  let sms: SmsEmulator;
  let d: JobDeps;
  let url: string;
  let first: string;
  let second: string;
  const confirmedAt = async (id: string) => (await h.deps.db.select().from(bookings).where(eq(bookings.id, id)))[0]!.visitorConfirmedAt;

  beforeAll(async () => {
    h = await createHarness(kind);
    sms = await startSmsEmulator({ now: () => h.clock.now().getTime() });
    const channels = buildChannelsRuntime({
      telegramApiRoot: 'http://127.0.0.1:9',
      appSecret: h.deps.secret,
      publicUrl: 'http://placeholder',
      sms: { provider: 'twilio', apiUrl: sms.apiUrl, accountSid: sms.twilio.accountSid, authToken: sms.twilio.authToken, from: sms.twilio.number },
    });
    url = (await h.http({ channels })).url;
    h.deps.publicUrl = url;
    channels.publicUrl = url;
    sms.setInboundUrl(`${url}/channels/sms/twilio`);
    d = { ...jobDeps(h, 'outbox'), channels };
    // Two phone-only bookings of one client: "1" is about the next one.
    first = (await book(h, { ...barber, day: '2026-03-05', email: '' })).booking.id;
    second = (await book(h, { ...barber, day: '2026-03-06', email: '' })).booking.id;
    await runNow(d, h);
    h.clock.set(new Date(Date.parse('2026-03-04T16:00:00Z')));
    await runNow(d, h);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await sms?.close();
  });

  it('the reminder goes through Twilio and asks for 1 or 2 within one segment', () => {
    const reminder = sms.sent.find((m) => m.text.includes('see you'));
    expect(reminder?.to).toBe(PHONE);
    expect(reminder?.id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(reminder?.text).toMatch(/Reply 1 to confirm, 2 to reschedule/);
  });

  it('a forged or unsigned reply is refused with 403 and changes nothing', async () => {
    const before = sms.sent.length;
    expect((await sms.reply(PHONE, '1', { signature: 'bm90IHR3aWxpbydzIHNpZ25hdHVyZQ==' })).status).toBe(403);
    expect((await sms.reply(PHONE, '1', { signature: '' })).status).toBe(403);
    // Signed over another URL (a different webhook) does not count either.
    const res = await fetch(`${url}/channels/sms/twilio?x=1`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=' }, body: 'MessageSid=SMx&From=%2B79001234567&Body=1' });
    expect(res.status).toBe(403);
    expect(await confirmedAt(first)).toBeNull();
    expect(await h.deps.db.select().from(smsInbound)).toEqual([]);
    expect(sms.sent.length).toBe(before);
  });

  it('"1" confirms the next upcoming booking and thanks; the same message again changes nothing', async () => {
    const r = await sms.reply(PHONE, ' 1 ', { messageId: `SM${'a'.repeat(32)}` });
    expect(r.status).toBe(200);
    await runNow(d, h);
    expect(await confirmedAt(first)).toEqual(h.clock.now());
    expect(await confirmedAt(second)).toBeNull();
    const thanks = sms.sent.at(-1)!;
    expect(thanks).toMatchObject({ to: PHONE, text: expect.stringMatching(/^Thank you! See you Thursday, March 5/) });

    const count = sms.sent.length;
    h.clock.advance(60_000);
    expect((await sms.reply(PHONE, '1', { messageId: `SM${'a'.repeat(32)}` })).status).toBe(200);
    await runNow(d, h);
    expect(sms.sent.length).toBe(count);
    expect(await h.deps.db.select().from(smsInbound)).toEqual([expect.objectContaining({ answer: 'confirm', bookingId: first, phone: PHONE })]);
  });

  it('"2" answers with a short link that opens the booking to reschedule', async () => {
    await sms.reply(PHONE, '2');
    await runNow(d, h);
    const text = sms.sent.at(-1)!.text;
    expect(text).toMatch(/^Reschedule or cancel: http:\/\/\S+\/l\/[0-9A-Za-z]{10}$/);
    const res = await fetch(text.split(': ')[1]!, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/manage\?token=.+&action=reschedule$/);
  });

  it('the same message delivered twice at once is played once', async () => {
    const before = sms.sent.length;
    const id = `SM${'b'.repeat(32)}`;
    const answers = await Promise.all([sms.reply(PHONE, 'hi', { messageId: id }), sms.reply(PHONE, 'hi', { messageId: id })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await runNow(d, h);
    expect(sms.sent.length).toBe(before + 1);
  });

  it('any other text from a number we texted reaches the staff inbox (a booking made without a chat: a request of its own), and the client is told so', async () => {
    await sms.reply(PHONE, 'Can I bring my son too?');
    await runNow(d, h);
    expect(sms.sent.at(-1)).toMatchObject({ to: PHONE, text: 'Thank you! We have passed your message on and will reply soon.' });
    const [req] = await h.deps.db.select().from(handoffs).where(eq(handoffs.message, 'Can I bring my son too?'));
    expect(req).toMatchObject({ businessId: 'biz-barber-nyc', contactPhone: '+79001234567', status: 'open', conversationId: null, lang: 'en' });
    expect(req!.contactName).not.toBe('');
    // This one and the "hi" above.
    expect((await h.deps.db.select().from(smsInbound).where(eq(smsInbound.answer, 'message'))).length).toBe(2);
  });

  it('a text answering a follow-up SMS lands in that lead’s conversation: a visitor message seen live, a new request only when none is open', async () => {
    const v = visitor(h, barber.siteKey, 'en');
    await v.send({ type: 'choose', optionId: 'intent:human' });
    await v.send({ type: 'text', text: 'Do you do kids haircuts?' });
    await v.send({ type: 'contact', name: 'Pat', contact: '+1 718 555 1001', consent: true });
    const id = v.view.conversationId;
    const now = h.clock.now();
    // The follow-up's SMS as jobs/follow-up.ts records it.
    await h.deps.db.insert(followUps).values({ id: 'fu-sms-1', businessId: 'biz-barber-nyc', conversationId: id, sequence: 'silent', step: 0, scheduledAt: now, dueAt: now, status: 'sent', via: 'sms', sentAt: now });
    await h.deps.db.insert(sentMessages).values({ subjectId: 'fu-sms-1', kind: 'followup_sms', version: 0, messageId: 'SMfollowup', recipient: '+1 718 555 1001', sentAt: now });
    h.clock.advance(60_000);
    expect((await sms.reply('17185551001', 'Yes, Saturday morning?')).status).toBe(200);
    await runNow(d, h);
    expect(sms.sent.at(-1)).toMatchObject({ to: '17185551001', text: 'Thank you! We have passed your message on and will reply soon.' });
    const said = await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, id));
    expect(said.at(-1)).toMatchObject({ from: 'visitor', text: 'Yes, Saturday morning?' });
    // The request the lead made is still open: the message joins it, no second one.
    expect((await h.deps.db.select().from(handoffs).where(eq(handoffs.conversationId, id))).length).toBe(1);
    // Closed meanwhile: the next text opens a request again, with the conversation.
    await h.deps.db.update(handoffs).set({ status: 'closed' }).where(eq(handoffs.conversationId, id));
    await h.deps.db.update(conversations).set({ status: 'closed' }).where(eq(conversations.id, id));
    h.clock.advance(60_000);
    await sms.reply('17185551001', 'Still there?');
    await runNow(d, h);
    const open = await h.deps.db.select().from(handoffs).where(and(eq(handoffs.conversationId, id), eq(handoffs.status, 'open')));
    expect(open).toEqual([expect.objectContaining({ message: 'Still there?', contactName: 'Pat', contactPhone: '+17185551001' })]);
    expect((await h.deps.db.select().from(conversations).where(eq(conversations.id, id)))[0]).toMatchObject({ status: 'waiting' });
  });

  it('"ok", "thanks", a thumbs-up need nobody: no request for staff and no reply; in a conversation they join the thread', async () => {
    const sent = sms.sent.length;
    const requests = (await h.deps.db.select().from(handoffs)).length;
    await sms.reply(PHONE, 'Ok, thanks!');
    await sms.reply(PHONE, '👍');
    h.clock.advance(60_000);
    await sms.reply('17185551001', 'Спасибо, понял');
    await runNow(d, h);
    expect(sms.sent.length).toBe(sent);
    expect((await h.deps.db.select().from(handoffs)).length).toBe(requests);
    const [said] = await h.deps.db.select().from(conversationMessages).where(eq(conversationMessages.text, 'Спасибо, понял'));
    expect(said).toMatchObject({ from: 'visitor' });
    // Still played once each: a redelivery of the same message changes nothing.
    expect((await h.deps.db.select().from(smsInbound).where(eq(smsInbound.phone, '17185551001'))).at(-1)).toMatchObject({ answer: 'message' });
  });

  it('a number we never texted gets the help text, or is told there is no booking', async () => {
    await sms.reply('+1 212 555 0177', 'what time is it?');
    await runNow(d, h);
    expect(sms.sent.at(-1)!.text).toBe('Reply 1 to confirm your booking or 2 to reschedule it.');
    await sms.reply('+1 212 555 0199', '1');
    await runNow(d, h);
    expect(sms.sent.at(-1)).toMatchObject({ to: '12125550199', text: 'We found no upcoming booking for this number.' });
    expect(await confirmedAt(second)).toBeNull();
  });

  it('the provider is down when the answer goes: the reply job retries with backoff and the answer is sent once', async () => {
    const before = sms.sent.length;
    sms.outage('http503');
    expect((await sms.reply(PHONE, 'help?', { messageId: `SM${'c'.repeat(32)}` })).status).toBe(200);
    await runNow(d, h);
    expect(sms.sent.length).toBe(before);
    const [job, ...more] = await h.deps.db.select().from(jobs).where(and(eq(jobs.kind, 'sms.reply'), isNull(jobs.doneAt)));
    expect(more).toEqual([]);
    expect(job).toMatchObject({ attempts: 1, payload: { to: expect.stringContaining('79001234567'), text: 'Thank you! We have passed your message on and will reply soon.' } });
    // Back up; the retry (after the backoff) sends it, and running again sends nothing more.
    sms.outage(null);
    h.clock.set(new Date(job!.runAt.getTime() + 1));
    await runNow(d, h);
    await runNow(d, h);
    expect(sms.sent.slice(before)).toEqual([expect.objectContaining({ to: PHONE, text: 'Thank you! We have passed your message on and will reply soon.' })]);
    expect((await h.deps.db.select().from(jobs).where(eq(jobs.id, job!.id)))[0]).toMatchObject({ outcome: 'sent', attempts: 2 });
  });
});
