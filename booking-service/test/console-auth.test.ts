/**
 * Console accounts over real HTTP: sign-in with the session cookie and CSRF token, sign-out,
 * login rate limits, password reset and invitations end to end (the e-mail read from the
 * outbox), and what is stored (argon2id, token hashes).
 */
import { desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTokens, jobs, outbox, sessions, users } from '../src/adapters/db/schema.js';
import { createRateLimiter } from '../src/http/rate-limit.js';
import { memoryStore } from '../src/http/memory-store.js';
import { enqueueConsoleMail } from '../src/services/console/mail.js';
import { hashToken } from '../src/services/console/sessions.js';
import { consoleFailure, consoleSession, ownerOf, signIn, staffAccount } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';
import { loginRules } from '../src/http/login-limits.js';
import { startSmtp } from './support/mail.js';

const SALON = 'demo-salon-spb';
const WINDOW_MS = 15 * 60_000;

describe.each(dbKinds)('console auth on %s', (kind) => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    const loginLimiter = createRateLimiter({
      store: memoryStore(),
      rules: loginRules({ perEmail: 3, perIp: 12, windowMs: WINDOW_MS }),
      now: () => h.clock.now().getTime(),
    });
    base = (await h.http({ loginLimiter })).url;
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Starts each test in a fresh rate-limit window. */
  const freshWindow = () => h.clock.advance(WINDOW_MS);

  /** Mail the console queued, as delivered by the job worker into the outbox. */
  async function mailTo(to: string) {
    await runNow(jobDeps(h, 'outbox'), h);
    return h.deps.db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt));
  }

  it('signs in with an httpOnly, SameSite=Strict cookie scoped to /console and answers me', async () => {
    freshWindow();
    const s = consoleSession(base);
    expect(await s.client.auth.me.query()).toBeNull();
    const me = await s.client.auth.login.mutate({ email: ' Owner@Demo-Salon-SPB.demo ', password: 'frontdesk-demo' });
    expect(me.user).toMatchObject({ email: ownerOf(SALON), role: 'owner', staffId: null, lang: 'ru' });
    expect(me.business).toMatchObject({ id: 'biz-salon-spb', timeZone: 'Europe/Moscow', currency: 'RUB', defaultLang: 'ru' });
    expect(me.csrfToken.length).toBeGreaterThan(20);
    const cookie = s.lastSetCookie.find((c) => c.startsWith('fd_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/console/);
    expect(cookie).toMatch(/; Max-Age=1209600/);
    // http://localhost: no Secure (browsers would drop it); https deployments get it (unit below).
    expect(cookie).not.toMatch(/Secure/);
    s.csrf = me.csrfToken;
    expect(await s.client.auth.me.query()).toEqual(me);
    // Only the token's hash is stored.
    const stored = await h.deps.db.select().from(sessions).where(eq(sessions.idHash, hashToken(s.cookie!)));
    expect(stored).toHaveLength(1);
  });

  it('slides the session: used after more than half its 14 days, it is renewed with its cookie', async () => {
    freshWindow();
    const s = await signIn(base, ownerOf(SALON));
    const token = s.cookie;
    h.clock.advance(6 * 86_400_000);
    await s.client.auth.me.query();
    expect(s.lastSetCookie).toEqual([]);
    h.clock.advance(2 * 86_400_000);
    expect(await s.client.auth.me.query()).not.toBeNull();
    expect(s.lastSetCookie.find((c) => c.startsWith(`fd_session=${token};`))).toMatch(/Max-Age=1209600/);
    // Unused for the full 14 days: gone.
    h.clock.advance(14 * 86_400_000 + 1);
    expect(await s.client.auth.me.query()).toBeNull();
  });

  it('staff sign in as staff, linked to their staff row', async () => {
    freshWindow();
    const s = await signIn(base, staffAccount('salon-anna', SALON));
    expect((await s.client.auth.me.query())!.user).toMatchObject({ role: 'staff', staffId: 'salon-anna', name: 'Анна Смирнова' });
  });

  it('auth.setLang stores the console language on the account: another device signs in with it', async () => {
    freshWindow();
    const phone = await signIn(base, staffAccount('salon-maria', SALON));
    expect((await phone.client.auth.me.query())!.user.lang).toBe('ru');
    expect(await phone.client.auth.setLang.mutate({ lang: 'hy' })).toEqual({ ok: true, lang: 'hy' });
    const laptop = await signIn(base, staffAccount('salon-maria', SALON));
    expect((await laptop.client.auth.me.query())!.user.lang).toBe('hy');
    // Only the caller's own account changes.
    const owner = await signIn(base, ownerOf(SALON));
    expect((await owner.client.auth.me.query())!.user.lang).toBe('ru');

    const bad = await phone.call('auth.setLang', { lang: 'de' }, 'mutation');
    expect(bad.status).toBe(400);
    expect(bad.error!.data.fields.map((f: { path: string }) => f.path)).toEqual(['lang']);
    expect((await phone.call('auth.setLang', { lang: 'en' }, 'mutation', { csrf: null })).error!.data.code).toBe('FORBIDDEN');
    expect((await consoleFailure(consoleSession(base).client.auth.setLang.mutate({ lang: 'en' }))).code).toBe('UNAUTHORIZED');
    expect((await laptop.client.auth.me.query())!.user.lang).toBe('hy');
  });

  it('stores argon2id hashes, never the password', async () => {
    const rows = await h.deps.db.select({ email: users.email, hash: users.passwordHash }).from(users).where(like(users.email, '%.demo'));
    expect(rows.length).toBeGreaterThanOrEqual(3 + 8);
    for (const r of rows) {
      expect(r.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(r.hash).not.toContain('frontdesk-demo');
    }
  });

  it('refuses a wrong password and an unknown e-mail alike (UNAUTHORIZED, BAD_CREDENTIALS), setting no cookie', async () => {
    freshWindow();
    const s = consoleSession(base);
    const wrong = await consoleFailure(s.client.auth.login.mutate({ email: ownerOf(SALON), password: 'frontdesk-demO' }));
    const unknown = await consoleFailure(s.client.auth.login.mutate({ email: 'nobody@nowhere.demo', password: 'frontdesk-demo' }));
    for (const e of [wrong, unknown]) {
      expect(e.code).toBe('UNAUTHORIZED');
      expect(e.data.reason).toBe('BAD_CREDENTIALS');
      expect(e.message).toBe(wrong.message);
    }
    expect(s.cookie).toBeUndefined();
  });

  it('names the invalid field', async () => {
    const s = consoleSession(base);
    const r = await s.call('auth.login', { email: 'x', password: '' }, 'mutation');
    expect(r.status).toBe(400);
    expect(r.error!.data.fields.map((f: { path: string }) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('signs out: the session ends, the cookie is cleared, the old cookie no longer works', async () => {
    freshWindow();
    const s = await signIn(base, ownerOf(SALON));
    const old = s.cookie;
    // Logout is a mutation: without the CSRF header it is refused.
    const noCsrf = await s.call('auth.logout', undefined, 'mutation', { csrf: null });
    expect(noCsrf.error!.data.code).toBe('FORBIDDEN');
    expect(await s.client.auth.logout.mutate()).toEqual({ ok: true });
    expect(s.lastSetCookie.some((c) => /^fd_session=;.*Max-Age=0/.test(c))).toBe(true);
    const replay = consoleSession(base);
    replay.cookie = old;
    expect(await replay.client.auth.me.query()).toBeNull();
  });

  it('limits sign-in attempts per e-mail (even with the right password) and per IP, with Retry-After', async () => {
    freshWindow();
    const s = consoleSession(base);
    const email = ownerOf('demo-barber-nyc');
    for (let i = 0; i < 3; i++) {
      expect((await consoleFailure(s.client.auth.login.mutate({ email, password: `wrong-${i}` }))).code).toBe('UNAUTHORIZED');
    }
    const limited = await s.call('auth.login', { email, password: 'frontdesk-demo' }, 'mutation');
    expect(limited.status).toBe(429);
    expect(limited.error!.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', scope: 'login-email' });
    expect(limited.error!.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBe(limited.error!.data.retryAfterSeconds);
    // Another e-mail from the same address still works until the per-IP budget (12) is spent.
    expect((await signIn(base, ownerOf('demo-clinic-yerevan'))).csrf).toBeTruthy();
    let ipLimited: Record<string, unknown> | undefined;
    for (let i = 0; i < 12 && !ipLimited; i++) {
      const r = await s.call('auth.login', { email: `guess-${i}@x.demo`, password: 'whatever1' }, 'mutation');
      if (r.status === 429) ipLimited = r.error!.data;
    }
    expect(ipLimited).toMatchObject({ scope: 'login-ip' });
    // The next window starts afresh.
    freshWindow();
    expect((await signIn(base, email)).csrf).toBeTruthy();
  });

  it('resets a password by e-mailed link: single use, ends other sessions, same answer for unknown e-mails', async () => {
    freshWindow();
    const email = staffAccount('salon-maria', SALON);
    const elsewhere = await signIn(base, email);
    const anon = consoleSession(base);
    expect(await anon.client.auth.requestReset.mutate({ email: 'nobody@nowhere.demo' })).toEqual({ ok: true });
    expect(await anon.client.auth.requestReset.mutate({ email })).toEqual({ ok: true });
    expect(await mailTo('nobody@nowhere.demo')).toHaveLength(0);
    const [mail] = await mailTo(email);
    expect(mail!.subject).toMatch(/reset/i);
    const link = /(http:\/\/localhost:3000\/console\/#\/reset\?token=([A-Za-z0-9_-]+))/.exec(mail!.text)!;
    expect(link).not.toBeNull();
    const token = link[2]!;
    // The body (with the one-time link) is not kept in the job row once sent.
    const jobRows = await h.deps.db.select().from(jobs).where(eq(jobs.kind, 'console.mail'));
    expect(JSON.stringify(jobRows.map((j) => j.payload))).not.toContain(token);
    // Only the hash is stored; an hour of validity.
    const [t] = await h.deps.db.select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
    expect(t!.expiresAt.getTime() - t!.createdAt.getTime()).toBe(3_600_000);

    const short = await anon.call('auth.resetPassword', { token, password: 'short' }, 'mutation');
    expect(short.error!.data.fields[0].path).toBe('password');
    expect(await anon.client.auth.resetPassword.mutate({ token, password: 'a new password 1' })).toEqual({ ok: true });
    const again = await consoleFailure(anon.client.auth.resetPassword.mutate({ token, password: 'a new password 2' }));
    expect(again).toMatchObject({ code: 'FORBIDDEN', data: { reason: 'TOKEN_INVALID' } });
    // The session opened before the reset is gone; the old password no longer works.
    expect(await elsewhere.client.auth.me.query()).toBeNull();
    freshWindow();
    expect((await consoleFailure(anon.client.auth.login.mutate({ email, password: 'frontdesk-demo' }))).data.reason).toBe('BAD_CREDENTIALS');
    expect((await signIn(base, email, 'a new password 1')).csrf).toBeTruthy();
  });

  it('refuses an expired reset link (TOKEN_EXPIRED)', async () => {
    freshWindow();
    const email = staffAccount('salon-olga', SALON);
    const anon = consoleSession(base);
    await anon.client.auth.requestReset.mutate({ email });
    const [mail] = await mailTo(email);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    h.clock.advance(3_600_001);
    expect(await consoleFailure(anon.client.auth.resetPassword.mutate({ token, password: 'a new password 1' }))).toMatchObject({
      code: 'FORBIDDEN',
      data: { reason: 'TOKEN_EXPIRED' },
    });
  });

  it('invites a staff member by e-mail; accepting sets the password and signs in', async () => {
    freshWindow();
    const owner = await signIn(base, ownerOf(SALON));
    const email = 'new.colleague@salon.example';
    expect(await owner.client.staff.invite.mutate({ email, name: 'New Colleague', role: 'staff', staffId: 'salon-olga' })).toEqual({ ok: true });
    // Listed as invited (no password yet) and cannot sign in before accepting.
    const olga = (await owner.client.staff.list.query()).find((s) => s.id === 'salon-olga')!;
    expect(olga.account).toBeTruthy();
    const invited = (await h.deps.db.select().from(users).where(eq(users.email, email)))[0]!;
    expect(invited.passwordHash).toBeNull();
    const [mail] = await mailTo(email);
    const token = /#\/invite\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    const anon = consoleSession(base);
    const me = await anon.client.auth.acceptInvite.mutate({ token, password: 'colleague password', name: 'Olga K.' });
    expect(me.user).toMatchObject({ email, role: 'staff', staffId: 'salon-olga', name: 'Olga K.' });
    anon.csrf = me.csrfToken;
    expect((await anon.client.auth.me.query())!.user.id).toBe(invited.id);
    expect((await consoleFailure(consoleSession(base).client.auth.acceptInvite.mutate({ token, password: 'colleague password' }))).data.reason).toBe('TOKEN_INVALID');
    // An e-mail that already has an account elsewhere cannot be invited.
    const taken = await consoleFailure(owner.client.staff.invite.mutate({ email: ownerOf('demo-barber-nyc'), name: 'X', role: 'staff', staffId: null }));
    expect(taken).toMatchObject({ code: 'CONFLICT', data: { reason: 'EMAIL_TAKEN' } });
  });

  it('sends a console mail once, however often the same dedupeKey is queued or its job retried', async () => {
    const now = h.clock.now();
    for (let i = 0; i < 2; i++) await enqueueConsoleMail(h.deps.db, { to: 'once@salon.example', subject: 'Once', text: 'Hello', dedupeKey: 'test:once' }, now);
    expect(await mailTo('once@salon.example')).toHaveLength(1);
    const done = await h.deps.db.select({ outcome: jobs.outcome }).from(jobs).where(eq(jobs.kind, 'console.mail'));
    expect(done.map((d) => d.outcome)).toContain('duplicate');
  });

  it('sends console mail over SMTP too, once per dedupeKey, with a text and an HTML part', async () => {
    const smtp = await startSmtp();
    try {
      const d = jobDeps(h, { smtpUrl: smtp.url });
      const now = h.clock.now();
      await enqueueConsoleMail(h.deps.db, { to: 'smtp@salon.example', subject: 'Over SMTP', text: 'Line <1>\nLine 2', dedupeKey: 'test:smtp' }, now);
      await runNow(d, h);
      await enqueueConsoleMail(h.deps.db, { to: 'smtp@salon.example', subject: 'Over SMTP', text: 'again', dedupeKey: 'test:smtp' }, now);
      await runNow(d, h);
      const [m] = await smtp.waitFor(1);
      expect(smtp.messages).toHaveLength(1);
      expect(m!.subject).toBe('Over SMTP');
      expect(m!.text).toContain('Line <1>');
      expect(m!.html).toContain('Line &lt;1&gt;');
      await d.transport.close?.();
    } finally {
      await smtp.close();
    }
  });
});
