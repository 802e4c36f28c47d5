/**
 * The console inbox (inbox.*) end to end through createConsoleCaller: hand-offs from the public
 * API, qualified on arrival; their SLA clock in opening hours across closing time; claim, reply
 * (mail to the visitor through the job runner), close; escalation to the owner once.
 * Salon hours: Mon–Sat 10:00–21:00 Moscow (07:00Z–18:00Z).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { businesses, events, handoffs, jobs, outbox, users } from '../src/adapters/db/schema.js';
import { createConsoleCaller } from '../src/api/console/router.js';
import { createSession, loadSession } from '../src/services/console/sessions.js';
import { drainDueJobs } from '../src/jobs/run-due-jobs.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps } from './support/jobs.js';

const MIN = 60_000;
const SALON = 'demo-salon-spb';
/** Escalation subjects (en, ru, hy); staff also get a "new hand-off" notice, which is not one. */
const ESCALATION = /^(Overdue|Просрочено|Ուշացում)/;

async function consoleAs(h: Harness, user: { id: string; businessId: string; email: string; name: string; role: 'owner' | 'staff' }, csrf = true) {
  await h.deps.db.insert(users).values({ ...user, lang: 'en' }).onConflictDoNothing();
  const { token } = await createSession(h.deps, user.id);
  const session = await loadSession(h.deps, token);
  return createConsoleCaller({
    deps: h.deps,
    ip: '127.0.0.1',
    session,
    csrfHeader: csrf ? session!.csrfToken : undefined,
    cookies: { setSession() {}, clearSession() {} },
  });
}

describe.each(dbKinds)('console inbox on %s', (kind) => {
  let h: Harness;
  let staff: Awaited<ReturnType<typeof consoleAs>>;
  let owner: Awaited<ReturnType<typeof consoleAs>>;
  let barber: Awaited<ReturnType<typeof consoleAs>>;
  const run = () => drainDueJobs(jobDeps(h, 'outbox'), h.clock.now());
  const mailsTo = async (to: string) => (await h.deps.db.select().from(outbox)).filter((m) => m.to === to);

  beforeAll(async () => {
    // Monday 20:58 Moscow: two minutes before closing.
    h = await createHarness(kind, { now: '2026-03-02T17:58:00Z' });
    staff = await consoleAs(h, { id: 'u-inbox-staff', businessId: 'biz-salon-spb', email: 'katya@salon.test', name: 'Катя', role: 'staff' });
    owner = await consoleAs(h, { id: 'u-inbox-owner', businessId: 'biz-salon-spb', email: 'boss@salon.test', name: 'Boss', role: 'owner' });
    barber = await consoleAs(h, { id: 'u-inbox-barber', businessId: 'biz-barber-nyc', email: 'sam@barber.test', name: 'Sam', role: 'staff' });
  });
  afterAll(async () => {
    await h?.close();
  });

  let hotId = '';
  it('a hot request (a person asked for while open, phone left) gets 5 working minutes; the clock pauses overnight', async () => {
    const r = await h.caller().handoff.request({ siteKey: SALON, message: 'Перезвоните, пожалуйста', contact: { name: 'Горячий', phone: '+7 900 111-22-33' }, lang: 'ru', intent: 'human', conversationId: 'conv-hot' });
    hotId = r.id;
    // 2 minutes on Monday (until 21:00) + 3 on Tuesday from 10:00.
    expect(r.expectedReplyBy).toBe('2026-03-03T07:03:00.000Z');
    const first = (await staff.inbox.list({ status: 'open' })).items.find((i) => i.id === hotId)!;
    expect(first).toMatchObject({ temperature: 'hot', status: 'open', claimedBy: null, contact: { name: 'Горячий', phone: '+7 900 111-22-33', email: null } });
    expect(first.score).toBe(20 + 25 + 10); // human + phone + open now
    expect(first.sla).toEqual({ dueAt: '2026-03-03T07:03:00.000Z', breached: false, escalated: false, remainingMs: 5 * MIN, paused: false });

    h.clock.set('2026-03-02T19:00:00Z'); // 22:00, closed
    const night = await staff.inbox.list({});
    expect(night.pollMs).toBe(5000);
    expect(night.serverNow).toBe('2026-03-02T19:00:00.000Z');
    expect(night.items.find((i) => i.id === hotId)!.sla).toMatchObject({ remainingMs: 3 * MIN, paused: true, breached: false });

    h.clock.set('2026-03-03T07:01:00Z'); // Tuesday 10:01
    expect((await staff.inbox.get({ id: hotId })).sla).toMatchObject({ remainingMs: 2 * MIN, paused: false, breached: false });
    // Nothing escalates before the target.
    await run();
    expect((await staff.inbox.get({ id: hotId })).sla.escalated).toBe(false);
  });

  it('a breached request is escalated once: overdue in the list, one e-mail to each owner', async () => {
    h.clock.set('2026-03-03T07:05:00Z');
    await run();
    const item = await owner.inbox.get({ id: hotId });
    expect(item.sla).toMatchObject({ breached: true, escalated: true, remainingMs: -2 * MIN, paused: false });
    const owners = await h.deps.db.select({ email: users.email }).from(users).where(and(eq(users.businessId, 'biz-salon-spb'), eq(users.role, 'owner'), eq(users.active, true)));
    expect(owners.map((o) => o.email)).toContain('boss@salon.test');
    for (const { email } of owners) {
      const mails = (await mailsTo(email)).filter((m) => ESCALATION.test(m.subject) && m.subject.includes('Горячий'));
      expect(mails, email).toHaveLength(1);
      expect(mails[0]!.text).toContain(`/console/#/inbox/${hotId}`);
    }
    // A retry of the same job, or a later run, sends nothing more.
    await h.deps.db.update(jobs).set({ doneAt: null, lockedUntil: null }).where(and(eq(jobs.handoffId, hotId), eq(jobs.kind, 'inbox.escalate')));
    h.clock.advance(60 * MIN);
    await run();
    expect((await mailsTo('boss@salon.test')).filter((m) => ESCALATION.test(m.subject) && m.subject.includes('Горячий'))).toHaveLength(1);
  });

  let warmId = '';
  it('claim, then reply: the visitor is e-mailed, the clock stops, first_human_reply records working time', async () => {
    h.clock.set('2026-03-03T08:00:00Z'); // Tuesday 11:00
    const r = await h.caller().handoff.request({ siteKey: SALON, message: 'Сколько стоит окрашивание?', contact: { name: 'Тёплая', email: 'warm@example.com' }, lang: 'ru', intent: 'book', conversationId: 'conv-warm' });
    warmId = r.id;
    expect(r.expectedReplyBy).toBe('2026-03-03T09:00:00.000Z');
    h.clock.advance(10 * MIN);
    const claimed = await staff.inbox.claim({ id: warmId });
    expect(claimed).toMatchObject({ status: 'claimed', claimedBy: { id: 'u-inbox-staff', name: 'Катя' }, temperature: 'warm' });
    h.clock.advance(15 * MIN);
    const replied = await staff.inbox.reply({ id: warmId, body: 'Здравствуйте! Окрашивание от 4500 ₽.' });
    expect(replied.firstReplyAt).toBe('2026-03-03T08:25:00.000Z');
    expect(replied.sla).toMatchObject({ breached: false, remainingMs: 35 * MIN, paused: false });
    h.clock.advance(5 * MIN);
    await staff.inbox.reply({ id: warmId, body: 'Можем записать на завтра.' });
    await run();
    const mails = await mailsTo('warm@example.com');
    expect(mails.map((m) => m.text.split('\n')[0])).toEqual(['Здравствуйте! Окрашивание от 4500 ₽.', 'Можем записать на завтра.']);
    expect(mails[0]!.subject).toContain('Лаванда');
    const firsts = await h.deps.db.select().from(events).where(and(eq(events.kind, 'first_human_reply'), eq(events.handoffId, warmId)));
    expect(firsts).toHaveLength(1);
    expect(firsts[0]).toMatchObject({ valueMs: 25 * MIN, conversationId: 'conv-warm', businessId: 'biz-salon-spb' });
    // The clock stays stopped: the target passes, nobody is told.
    h.clock.set('2026-03-03T12:00:00Z');
    await run();
    const after = await staff.inbox.get({ id: warmId });
    expect(after.sla).toMatchObject({ breached: false, escalated: false, remainingMs: 35 * MIN });
    expect(after.replies.map((x) => [x.body, x.user.name])).toEqual([['Здравствуйте! Окрашивание от 4500 ₽.', 'Катя'], ['Можем записать на завтра.', 'Катя']]);
    expect((await mailsTo('boss@salon.test')).filter((m) => ESCALATION.test(m.subject))).toHaveLength(1); // the hot one only
  });

  it('close with an outcome; a closed request takes no more replies', async () => {
    const closed = await owner.inbox.close({ id: warmId, outcome: 'booked' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'booked', closedAt: '2026-03-03T12:00:00.000Z' });
    expect((await failureOf(staff.inbox.reply({ id: warmId, body: 'ещё' }))).code).toBe('PRECONDITION_FAILED');
    expect((await staff.inbox.list({ status: 'closed' })).items.map((i) => i.id)).toEqual([warmId]);
    expect((await staff.inbox.list({ status: 'open' })).items.map((i) => i.id)).not.toContain(warmId);
  });

  it('a reply to a visitor who left only a phone is recorded, and no mail is queued', async () => {
    h.clock.set('2026-03-03T13:00:00Z');
    const r = await h.caller().handoff.request({ siteKey: SALON, message: 'Хочу на маникюр', contact: { name: 'Телефон', phone: '+7 900 999-88-77' }, lang: 'ru' });
    const before = (await h.deps.db.select().from(jobs).where(eq(jobs.kind, 'console.mail'))).length;
    const item = await staff.inbox.reply({ id: r.id, body: 'Перезвоню через 5 минут' });
    expect(item).toMatchObject({ status: 'claimed', contact: { phone: '+7 900 999-88-77', email: null } });
    expect((await h.deps.db.select().from(jobs).where(eq(jobs.kind, 'console.mail'))).length).toBe(before);
    expect((await staff.inbox.get({ id: r.id })).replies).toHaveLength(1);
  });

  it('lists newest first; the list and every call stay inside the session’s business', async () => {
    const { items } = await staff.inbox.list({ status: 'all' });
    const created = items.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect((await barber.inbox.list({})).items.map((i) => i.id)).not.toContain(hotId);
    const calls = [
      () => barber.inbox.get({ id: hotId }),
      () => barber.inbox.claim({ id: hotId }),
      () => barber.inbox.reply({ id: hotId, body: 'hi' }),
      () => barber.inbox.close({ id: hotId, outcome: 'spam' }),
    ];
    for (const call of calls) expect((await failureOf(call())).code).toBe('NOT_FOUND');
    const [row] = await h.deps.db.select().from(handoffs).where(eq(handoffs.id, hotId));
    expect(row).toMatchObject({ status: 'open', claimedByUserId: null, firstReplyAt: null, outcome: null });
  });

  it('refuses the signed-out, mutations without the CSRF token, and bad input by field', async () => {
    const anon = createConsoleCaller({ deps: h.deps, ip: '127.0.0.1', session: null, csrfHeader: undefined, cookies: { setSession() {}, clearSession() {} } });
    expect((await failureOf(anon.inbox.list({}))).code).toBe('UNAUTHORIZED');
    const noCsrf = await consoleAs(h, { id: 'u-inbox-staff', businessId: 'biz-salon-spb', email: 'katya@salon.test', name: 'Катя', role: 'staff' }, false);
    expect((await failureOf(noCsrf.inbox.claim({ id: hotId }))).code).toBe('FORBIDDEN');
    const empty = await failureOf(staff.inbox.reply({ id: hotId, body: '  ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.message).toContain('body');
    const outcome = await failureOf(staff.inbox.close({ id: hotId, outcome: 'maybe' as 'spam' }));
    expect(outcome.message).toContain('outcome');
  });

  it('with no owner account the escalation goes to the business’s notify e-mail; a cold lead waits 24 working hours', async () => {
    await h.deps.db.update(users).set({ active: false }).where(and(eq(users.businessId, 'biz-clinic-yerevan'), eq(users.role, 'owner')));
    await h.deps.db.update(businesses).set({ notifyEmail: 'desk@clinic.test' }).where(eq(businesses.id, 'biz-clinic-yerevan'));
    h.clock.set('2026-03-04T06:00:00Z'); // Wednesday 10:00 Yerevan
    const r = await h.caller().handoff.request({ siteKey: 'demo-clinic-yerevan', message: 'Ունե՞ք ավտոկայանատեղի', contact: { name: 'Սառը', email: 'cold@example.com' }, lang: 'hy', intent: 'other' });
    expect((await owner.inbox.list({})).items.map((i) => i.id)).not.toContain(r.id);
    const [row] = await h.deps.db.select().from(handoffs).where(eq(handoffs.id, r.id));
    expect(row!.temperature).toBe('cold');
    h.clock.set(new Date(Date.parse(r.expectedReplyBy) - MIN));
    const escalations = async () => (await mailsTo('desk@clinic.test')).filter((m) => ESCALATION.test(m.subject));
    await run();
    expect(await escalations()).toHaveLength(0);
    h.clock.set(r.expectedReplyBy);
    await run();
    const mails = await escalations();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Սառը');
  });
});
