/**
 * Script payloads typed by visitors (hand-off names and messages, booking names and notes), by
 * staff (reply bodies, their own names) and by the owner (the business name) are inert on the
 * console's side:
 * - every e-mail the console path sends — the inbox reply to the visitor, the SLA escalation to
 *   the owner, the invitation, the password reset, a phone booking's confirmation — carries
 *   them escaped in its HTML, through a real SMTP server on loopback;
 * - no CR/LF in a name or e-mail can add or split a header (Subject, To, Bcc), checked on the
 *   raw message the SMTP server received;
 * - the console API hands them back as JSON data, byte for byte, never as HTML.
 * (test/xss.test.ts covers the same for the visitor side; the console page: e2e/specs/console-xss.spec.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { drainDueJobs } from '../src/jobs/run-due-jobs.js';
import { consoleSession, ownerOf, signIn, type ConsoleSessionClient } from './support/console.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps } from './support/jobs.js';
import { startSmtp, type TestSmtp } from './support/mail.js';

const SITE = 'demo-barber-nyc';
const OWNER = ownerOf(SITE);
const NAME = `<script>alert('n')</script>"><img src=x onerror=alert(1)>`;
const NOTE = `</textarea><script>alert('note')</script><a href="javascript:alert(2)">x</a>`;
const MESSAGE = `<svg onload=alert(3)><iframe src="javascript:alert(4)"></iframe>`;
const REPLY = `Sure! <script>alert('reply')</script> <a href="javascript:alert(5)">book</a>`;
const STAFF_NAME = `"><img src=x onerror=alert('staff')>`;
const BIZ_NAME = `Barber <script>alert("biz")</script>`;
/** Names that try to end a header line and start another. */
const CRLF_NAMES = ['Eve\r\nBcc: victim@example.com', 'Eve\nSubject: pwned', 'Eve\rTo: victim@example.com'];
/** The payloads' markup, live; escaped (&lt;script&gt;) it is harmless. */
const LIVE = /<script|<img|<svg|<iframe|href="javascript:/i;

/** Header lines of a raw message, unfolded (RFC 5322 §2.2.3), by lower-case name. */
function headersOf(raw: string): Array<[string, string]> {
  const head = raw.split(/\r\n\r\n/)[0]!.replace(/\r\n[ \t]+/g, ' ');
  return head.split(/\r\n/).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()] as [string, string];
  });
}

describe.each(dbKinds)('console payloads are inert on %s', (kind) => {
  let h: Harness;
  let smtp: TestSmtp;
  let base: string;
  let owner: ConsoleSessionClient;
  let staff: ConsoleSessionClient;
  let repliedId: string;
  const run = () => drainDueJobs(jobDeps(h, { smtpUrl: smtp.url }), h.clock.now());
  const mailTo = (addr: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === addr));

  beforeAll(async () => {
    h = await createHarness(kind);
    smtp = await startSmtp();
    base = (await h.http()).url;
    h.deps.publicUrl = base;
    owner = await signIn(base, OWNER);

    // Visitors, through the public API: two hand-offs and a booking.
    const pub = h.caller();
    repliedId = (await pub.handoff.request({ siteKey: SITE, message: MESSAGE, contact: { name: NAME, email: 'visitor@example.com' }, lang: 'en', summary: NOTE })).id;
    // Left unanswered: it becomes overdue and is escalated by e-mail.
    await pub.handoff.request({ siteKey: SITE, message: MESSAGE, contact: { name: NAME, phone: '+1 718 555 0199' }, lang: 'en' });
    const { slots } = await pub.slots.find({ siteKey: SITE, serviceId: 'barber-haircut', from: '2026-03-04', days: 1 });
    const hold = await pub.booking.hold({ siteKey: SITE, serviceId: 'barber-haircut', start: slots[0]!.start });
    await pub.booking.confirm({ holdToken: hold.holdToken, customer: { name: NAME, email: 'xss@example.com' }, consent: true, lang: 'en', note: NOTE, idempotencyKey: 'console-xss-1' });

    // The owner: a hostile business name, an invitation for a hostile staff name, a phone booking, a reset.
    await owner.client.business.update.mutate({ name: BIZ_NAME });
    await owner.client.staff.invite.mutate({ email: 'newbie@example.com', name: STAFF_NAME, role: 'staff', staffId: 'barber-sam' });
    await owner.client.bookings.create.mutate({
      serviceId: 'barber-haircut',
      staffId: 'barber-marcus',
      startsAt: '2026-03-05T16:00:00.000Z',
      customer: { name: NAME, email: 'phone@example.com' },
      lang: 'en',
      note: NOTE,
    });
    await consoleSession(base).client.auth.requestReset.mutate({ email: OWNER });
    await run();

    // The invitee takes the link from the e-mail, signs in, and answers the first hand-off.
    const [invite] = await smtp.waitFor(1).then(() => mailTo('newbie@example.com'));
    const token = /\/console\/#\/invite\?token=([\w-]+)/.exec(invite!.text ?? '')![1]!;
    staff = consoleSession(base);
    staff.csrf = (await staff.client.auth.acceptInvite.mutate({ token, password: 'a-long-enough-password' })).csrfToken;
    await staff.client.inbox.claim.mutate({ id: repliedId });
    await staff.client.inbox.reply.mutate({ id: repliedId, body: REPLY });
    // A day later the other hand-off is long overdue: escalated to the owner.
    h.clock.set('2026-03-03T22:00:00Z');
    await run();
    await smtp.waitFor(6);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('every console e-mail carries the payloads escaped in HTML, none live', () => {
    const html = (m: ParsedMail) => (typeof m.html === 'string' ? m.html : '');
    const reply = mailTo('visitor@example.com').find((m) => (m.text ?? '').includes('Sure!'));
    const escalation = mailTo(OWNER).find((m) => /^Overdue/.test(m.subject ?? ''));
    const reset = mailTo(OWNER).find((m) => /password/i.test(m.subject ?? ''));
    const invite = mailTo('newbie@example.com')[0];
    const phone = mailTo('phone@example.com')[0];
    const found = { reply, escalation, reset, invite, phone };
    expect(Object.entries(found).filter(([, m]) => !m).map(([k]) => k), smtp.messages.map((m) => `${m.to && !Array.isArray(m.to) ? m.to.text : ''}: ${m.subject}`).join(' | ')).toEqual([]);

    for (const m of smtp.messages) expect(html(m), m.subject).not.toMatch(LIVE);
    // The payloads are there, as text: escaped, not dropped.
    expect(html(reply!)).toContain('&lt;script&gt;alert(');
    // The replying staff member's own name, signed under the reply.
    expect(html(reply!)).toContain('&quot;&gt;&lt;img src=x onerror=alert(');
    expect(html(escalation!)).toContain('&lt;script&gt;');
    expect(html(invite!)).toContain('&lt;script&gt;alert(');
    expect(html(invite!)).toContain('&lt;img src=x');
    expect(html(phone!)).toContain('&lt;script&gt;');
    // Subjects hold the text as typed (MIME-decoded), not markup interpreted anywhere.
    expect(escalation!.subject).toContain(NAME);
    expect(invite!.subject).toContain(BIZ_NAME);
  });

  it('no header can be added through a name or e-mail: one To, one Subject, no Cc/Bcc, one recipient', async () => {
    // Owner-typed names go to Subject (business name) and To (phone customer); a CR/LF in either
    // is either refused naming the field or must not split the header.
    const accepted: string[] = [];
    for (const [i, evil] of CRLF_NAMES.entries()) {
      const biz = await owner.call('business.update', { name: evil }, 'mutation');
      if (biz.status === 200) accepted.push('business.update');
      else expect({ status: biz.status, fields: biz.error?.data.fields?.map((f: { path: string }) => f.path) }).toEqual({ status: 400, fields: ['name'] });
      const booking = await owner.call(
        'bookings.create',
        { serviceId: 'barber-haircut', staffId: 'barber-marcus', startsAt: `2026-03-1${i}T16:00:00.000Z`, customer: { name: evil, email: `crlf${i}@example.com` }, lang: 'en' },
        'mutation',
      );
      if (booking.status === 200) accepted.push('bookings.create');
      else expect({ status: booking.status, fields: booking.error?.data.fields?.map((f: { path: string }) => f.path) }).toEqual({ status: 400, fields: ['customer.name'] });
      await owner.call('staff.invite', { email: `crlf${i}@example.com`, name: evil, role: 'staff', staffId: null }, 'mutation');
      // An e-mail address with a line break is never an address.
      const badEmail = await owner.call('staff.invite', { email: `x${i}@example.com\r\nBcc: victim@example.com`, name: 'X', role: 'staff', staffId: null }, 'mutation');
      expect(badEmail.error?.data.fields?.map((f: { path: string }) => f.path)).toEqual(['email']);
    }
    const before = smtp.messages.length;
    await run();
    if (accepted.length > 0) await smtp.waitFor(before + 1);

    expect(smtp.raw.length).toBeGreaterThanOrEqual(6);
    for (const [i, raw] of smtp.raw.entries()) {
      const heads = headersOf(raw);
      const count = (n: string) => heads.filter(([k]) => k === n).length;
      const m = smtp.messages[i]!;
      expect({ subject: m.subject, to: count('to'), subj: count('subject'), cc: count('cc'), bcc: count('bcc') }).toEqual({ subject: m.subject, to: 1, subj: 1, cc: 0, bcc: 0 });
      expect(m.to && !Array.isArray(m.to) ? m.to.value.length : 0, m.subject).toBe(1);
      expect(m.subject ?? '').not.toMatch(/[\r\n]/);
      // No header line of the message starts where a name's line break would have put it.
      expect(heads.filter(([k, v]) => k === 'bcc' || k === 'cc' || (k === 'subject' && /^pwned/.test(v)))).toEqual([]);
      // A name may show inside the quoted display name; the address itself is the intended one.
      expect(m.to && !Array.isArray(m.to) ? m.to.value[0]!.address : '').not.toMatch(/victim/);
    }
    // Nothing reached the would-be victim.
    const addresses = smtp.messages.flatMap((m) => [m.to, m.cc, m.bcc].flatMap((a) => (a ? (Array.isArray(a) ? a : [a]).flatMap((x) => x.value.map((v) => v.address ?? '')) : [])));
    expect(addresses.length).toBe(smtp.messages.length);
    expect(addresses.filter((a) => a.includes('victim'))).toEqual([]);
  });

  it('the console API returns the payloads as JSON data, byte for byte, never as HTML', async () => {
    const get = async (path: string, input: unknown, accept = 'text/html') => {
      const res = await fetch(`${base}/console/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: { cookie: `fd_session=${owner.cookie!}`, accept },
      });
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      return { status: res.status, body: (await res.json()) as { result?: { data: any } } };
    };
    const list = await get('inbox.list', { status: 'all' });
    const items = list.body.result!.data.items as Array<{ id: string; contact: { name: string }; message: string; summary: string | null }>;
    const replied = items.find((i) => i.id === repliedId)!;
    expect(replied).toMatchObject({ contact: { name: NAME }, message: MESSAGE, summary: NOTE });

    const one = (await get('inbox.get', { id: repliedId })).body.result!.data as { replies: Array<{ body: string; user: { name: string } }> };
    expect(one.replies).toEqual([expect.objectContaining({ body: REPLY, user: expect.objectContaining({ name: STAFF_NAME }) })]);

    const cal = (await get('calendar.list', { from: '2026-03-02T00:00:00Z', to: '2026-03-09T00:00:00Z' })).body.result!.data as { bookings: Array<{ customer: { name: string }; note: string | null; channel: string }> };
    const mine = cal.bookings.filter((b) => b.customer.name === NAME);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((b) => b.note === NOTE)).toBe(true);
    // A refusal that echoes input is JSON too.
    const bad = await get('inbox.get', { id: `<script>alert(1)</script>`.repeat(20) });
    expect(bad.status).toBe(400);
  });
});
