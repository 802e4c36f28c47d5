/**
 * Issue 12 (PostgreSQL outages), the visitor's pages: while the database was unreachable the
 * manage, rebook and find-booking pages (links from e-mails and messages, opened by visitors)
 * answered a 500 "Something went wrong" page. Now every manage/confirm/rebook/find-booking
 * page and form post answers 503 + Retry-After with an HTML page in the visitor's language saying
 * nothing is lost and to try again in a minute; the API keeps answering JSON. Served again after.
 * The follow-up page, the conversation page (links in e-mails) and the SMS short link /l/<code>
 * answered a plain-text 500 / 503: they now answer the same page, in the browser's language.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '@frontdesk/shared';
import { createApp } from '../src/app.js';
import { PAGE_STRINGS } from '../src/pages/strings.js';
import { signToken } from '../src/services/tokens.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';

describe.each(dbKinds)('database outage: the manage, rebook, find-booking, follow-up, conversation pages and short links answer a translated 503 page, not a 500 or JSON (%s)', (kind) => {
  let h: Harness;
  let server: Server;
  let url: string;
  let outage = false;
  let manage = '';
  let rebook = '';
  let start = '';
  beforeAll(async () => {
    h = await createHarness(kind);
    const done = await book(h, { day: '2026-03-04', email: 'outage-page@example.com', lang: 'ru', name: 'Outage' });
    manage = done.manageToken;
    rebook = signToken(h.deps.secret, done.booking.id, 'rebook');
    start = new Date(Date.parse(done.booking.start) + 86_400_000).toISOString();
    // Every query fails the way pg does when PostgreSQL is gone, while `outage` is on.
    const db = new Proxy(h.deps.db, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (outage) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const app = createApp({ ...h.deps, db }, { log: () => {} });
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await h?.close();
  });

  const q = encodeURIComponent;
  const form = (fields: Record<string, string>): RequestInit => ({
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  /** Each visitor request, asked in `lang` (the link's ?lang=, or the form's lang field). */
  const requests = (lang: Lang): [string, string, RequestInit?][] => [
    ['GET /manage', `/manage?token=${q(manage)}&lang=${lang}`],
    ['GET /manage (a day)', `/manage?token=${q(manage)}&lang=${lang}&day=2026-03-05`],
    ['GET /rebook', `/rebook?token=${q(rebook)}&lang=${lang}`],
    ['POST /manage/reschedule', '/manage/reschedule', form({ token: manage, start, lang })],
    ['POST /manage/cancel', '/manage/cancel', form({ token: manage, lang })],
    ['POST /rebook', '/rebook', form({ token: rebook, start, lang })],
    ['GET /find-booking', `/find-booking?site=demo-salon-spb&lang=${lang}`],
    ['POST /find-booking', '/find-booking', form({ site: 'demo-salon-spb', contact: 'outage-page@example.com', lang })],
  ];

  /** Links whose language lives in the database (the conversation's): only the browser's language is known. */
  const links = (lang: Lang): [string, string, RequestInit?][] => {
    const followUp = signToken(h.deps.secret, randomUUID(), 'follow-up');
    const conversation = signToken(h.deps.secret, randomUUID(), 'conversation');
    const withLang = (init: RequestInit = { redirect: 'manual' }): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'accept-language': `${lang},en;q=0.5` } });
    return [
      ['GET /follow-up', `/follow-up?t=${q(followUp)}`, withLang()],
      ['GET /follow-up?do=stop', `/follow-up?t=${q(followUp)}&do=stop`, withLang()],
      ['POST /follow-up', '/follow-up', withLang(form({ t: followUp, a: 'stop' }))],
      ['GET /conversation', `/conversation?t=${q(conversation)}`, withLang()],
      ['POST /conversation', '/conversation', withLang(form({ t: conversation, text: 'Are you open?' }))],
      ['GET /l/<code>', '/l/AbCdE12345', withLang()],
    ];
  };

  async function expectUnavailablePage(lang: Lang, [name, path, init]: [string, string, RequestInit?]) {
    const [title, detail] = PAGE_STRINGS[lang].errors.UNAVAILABLE;
    const res = await fetch(`${url}${path}`, init);
    expect(res.status, name).toBe(503);
    expect(Number(res.headers.get('retry-after')), name).toBeGreaterThan(0);
    expect(res.headers.get('cache-control'), name).toContain('no-store');
    expect(res.headers.get('content-type'), name).toMatch(/^text\/html/);
    const body = await res.text();
    expect(body, name).toContain(`<html lang="${lang}">`);
    expect(body, name).toContain(title);
    expect(body, name).toContain(detail);
    expect(body, name).not.toMatch(/ECONNREFUSED|5432|Internal error|Try again|\{"error"/);
  }

  it.each(['ru', 'hy', 'en'] as const)('every manage/rebook page and form post: 503, Retry-After, an HTML page in %s saying try again in a minute', async (lang) => {
    outage = true;
    for (const request of requests(lang)) await expectUnavailablePage(lang, request);
  });

  it.each(['ru', 'hy', 'en'] as const)('the follow-up and conversation pages, their form posts and the SMS short link: the same 503 page in the browser language (%s)', async (lang) => {
    outage = true;
    for (const request of links(lang)) await expectUnavailablePage(lang, request);
  });

  it("without ?lang= the page follows the browser's language", async () => {
    outage = true;
    const res = await fetch(`${url}/manage?token=${q(manage)}`, { headers: { 'accept-language': 'hy-AM,hy;q=0.9,en;q=0.5' } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain(PAGE_STRINGS.hy.errors.UNAVAILABLE[0]);
  });

  it('the API stays JSON during the same outage', async () => {
    outage = true;
    const res = await fetch(`${url}/trpc/booking.get?input=${q(JSON.stringify({ manageToken: manage }))}`);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.stringify(await res.json())).not.toMatch(/ECONNREFUSED|5432/);
  });

  it('serves the pages again once the database is back', async () => {
    outage = false;
    const page = await fetch(`${url}/manage?token=${q(manage)}&lang=en`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(PAGE_STRINGS.en.yourBooking);
    expect((await fetch(`${url}/rebook?token=${q(rebook)}&lang=en`)).status).toBe(200);
  });
});
