/**
 * "My booking" from any browser through the conversation API, on PGlite and PostgreSQL: the code
 * by e-mail (outbox), its limits (attempts, expiry, single use, codes per hour), nothing shown
 * before it, and a booking always shown as it is now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { jobs, lookupCodes, outbox } from '../src/adapters/db/schema.js';
import { verifyLookupCode } from '../src/services/conversation/lookup-codes.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { visitor as visitorOf } from './support/visitor.js';

const SALON = 'demo-salon-spb';

describe.each(dbKinds)('my booking anywhere on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const visitor = (lang: 'ru' | 'en' = 'en') => visitorOf(h, SALON, lang);

  /** The code in the newest mail to `to`, once the mail job ran. */
  async function codeMailedTo(to: string): Promise<string> {
    await runNow(jobDeps(h, 'outbox'), h);
    const [mail] = await h.deps.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt)).limit(1);
    expect(mail?.subject).toMatch(/code|код/i);
    return /\b(\d{6})\b/.exec(mail!.text)![1]!;
  }

  it('finds a booking made elsewhere by e-mail and the code from the e-mail; nothing before the code', async () => {
    const email = `anna-${kind}@example.com`;
    const made = await book(h, { day: '2026-03-04', email, name: 'Анна Кодова' });
    const v = visitor();
    await v.send({ type: 'choose', optionId: 'intent:my_booking' });
    await v.send({ type: 'contact', contact: email.toUpperCase(), consent: false });
    expect(v.view.prompt).toMatchObject({ kind: 'code', length: 6 });
    const code = await codeMailedTo(email);
    // Hashed at rest; the job row no longer carries the mail body once sent.
    const [row] = await h.deps.db.select().from(lookupCodes).where(eq(lookupCodes.conversationId, v.view.conversationId));
    expect(row!.codeHash).not.toContain(code);
    expect(JSON.stringify(await h.deps.db.select().from(jobs).where(eq(jobs.kind, 'console.mail')))).not.toContain(code);
    expect(JSON.stringify(v.transcript)).not.toContain('Анна Кодова');
    expect(v.transcript.some((m) => m.card)).toBe(false);

    const wrong = code === '000000' ? '111111' : '000000';
    await v.send({ type: 'code', code: wrong });
    expect(v.view.messages.at(-1)!.text).toBe('That code doesn’t match. 4 attempts left.');
    expect(v.transcript.some((m) => m.card)).toBe(false);
    await v.send({ type: 'code', code });
    const card = v.view.messages.at(-1)!.card;
    expect(card).toMatchObject({ kind: 'booking', bookingId: made.booking.id, status: 'confirmed', serviceName: "Men's haircut" });
    expect(v.transcript.map((m) => m.text).join(' ')).not.toContain(code);
  });

  it('never shows a stale booking: cancelled through its e-mail link, the chat shows it cancelled', async () => {
    const email = `boris-${kind}@example.com`;
    const made = await book(h, { day: '2026-03-05', email });
    await h.caller().booking.cancel({ manageToken: made.manageToken });
    const v = visitor();
    await v.send({ type: 'choose', optionId: 'intent:my_booking' });
    await v.send({ type: 'contact', contact: email, consent: false });
    await v.send({ type: 'code', code: await codeMailedTo(email) });
    expect(v.view.messages.at(-1)!.card).toMatchObject({ bookingId: made.booking.id, status: 'cancelled' });
    expect(v.view.prompt).toMatchObject({ kind: 'choice', options: [{ id: 'act:rebook' }] });
  });

  it('cancels in the chat after an in-chat confirmation', async () => {
    const email = `vera-${kind}@example.com`;
    const made = await book(h, { day: '2026-03-06', email });
    const v = visitor('ru');
    await v.send({ type: 'choose', optionId: 'intent:my_booking' });
    await v.send({ type: 'contact', contact: email, consent: false });
    await v.send({ type: 'code', code: await codeMailedTo(email) });
    await v.send({ type: 'choose', optionId: 'act:cancel' });
    expect(v.view.prompt).toMatchObject({ kind: 'confirm', question: 'Отменить эту запись?' });
    await v.send({ type: 'choose', optionId: 'act:yes' });
    expect(v.view.messages.map((m) => m.text)).toContain('Запись отменена.');
    const fresh = await h.caller().booking.get({ manageToken: made.manageToken });
    expect(fresh.booking.status).toBe('cancelled');
  });

  it('a code works once, for 10 minutes, for 5 tries; at most 3 codes per contact an hour', async () => {
    const email = `gleb-${kind}@example.com`;
    await book(h, { day: '2026-03-09', email });
    const business = (await h.caller().site.get({ siteKey: SALON })).business;
    expect(business).toBeTruthy();
    const v = visitor();
    await v.send({ type: 'choose', optionId: 'intent:my_booking' });
    await v.send({ type: 'contact', contact: email, consent: false });
    const code = await codeMailedTo(email);
    const [row] = await h.deps.db.select().from(lookupCodes).where(eq(lookupCodes.conversationId, v.view.conversationId));
    const check = (c: string) => verifyLookupCode(h.deps, h.deps.db, { businessId: row!.businessId, conversationId: v.view.conversationId, requestId: row!.id, code: c });
    expect(await check(code)).toMatchObject({ ok: true });
    expect(await check(code)).toEqual({ ok: false, reason: 'expired' });

    // A second code: five wrong tries spend it.
    h.clock.advance(1_000);
    await v.send({ type: 'choose', optionId: 'act:new-code' });
    const code2 = await codeMailedTo(email);
    const [row2] = await h.deps.db.select().from(lookupCodes).where(eq(lookupCodes.conversationId, v.view.conversationId)).orderBy(desc(lookupCodes.createdAt)).limit(1);
    const check2 = (c: string) => verifyLookupCode(h.deps, h.deps.db, { businessId: row2!.businessId, conversationId: v.view.conversationId, requestId: row2!.id, code: c });
    const wrong = code2 === '000000' ? '111111' : '000000';
    for (let i = 4; i >= 0; i--) expect(await check2(wrong)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: i });
    expect(await check2(code2)).toEqual({ ok: false, reason: 'expired' });

    // A third: too late after 10 minutes.
    h.clock.advance(1_000);
    await v.send({ type: 'choose', optionId: 'act:new-code' });
    const code3 = await codeMailedTo(email);
    h.clock.advance(10 * 60_000 + 1);
    await v.send({ type: 'code', code: code3 });
    expect(v.view.messages.at(-1)!.text).toBe('This code no longer works. I can send a new one.');

    // A fourth within the hour: refused, with when to try again.
    await v.send({ type: 'choose', optionId: 'act:new-code' });
    expect(v.view.messages.at(-1)!.text).toMatch(/^Too many codes were asked for\. Please try again in \d+ minutes?\.$/);
    h.clock.advance(60 * 60_000);
    await v.send({ type: 'contact', contact: email, consent: false });
    expect(v.view.prompt.kind).toBe('code');
  });

  it('an e-mail without bookings gets the same answer and no mail', async () => {
    const v = visitor();
    await v.send({ type: 'choose', optionId: 'intent:my_booking' });
    await v.send({ type: 'contact', contact: `nobody-${kind}@example.com`, consent: false });
    expect(v.view.messages.at(-1)!.text).toMatch(/^If there are bookings for this contact, a code is on its way to no•••@example\.com\./);
    await runNow(jobDeps(h, 'outbox'), h);
    expect(await h.deps.db.select().from(outbox).where(eq(outbox.to, `nobody-${kind}@example.com`))).toEqual([]);
  });
});
