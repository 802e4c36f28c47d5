/** The find-my-booking page (/find-booking): e-mail → code → the bookings as they are now, with their manage links. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { outbox } from '../src/adapters/db/schema.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { createHarness, type Harness } from './support/harness.js';
import { jobDeps, runNow } from './support/jobs.js';

describe.each(dbKinds)('find my booking page on %s', (kind) => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    url = (await h.http()).url;
  });
  afterAll(async () => {
    await h?.close();
  });

  const form = (path: string, fields: Record<string, string>) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  it('asks for the contact, e-mails a code, and lists the bookings only once the code is right', async () => {
    const email = `page-${kind}@example.com`;
    await book(h, { day: '2026-03-04', email, name: 'Пётр Страничкин' });
    const start = await fetch(`${url}/find-booking?site=demo-salon-spb`);
    expect(start.status).toBe(200);
    const first = await start.text();
    expect(first).toContain('<html lang="ru"');
    expect(first).toContain('Найти мою запись');
    expect(first).toContain('name="contact"');

    const asked = await form('/find-booking', { site: 'demo-salon-spb', lang: 'ru', contact: email });
    const codePage = await asked.text();
    expect(asked.status).toBe(200);
    expect(codePage).toContain('name="code"');
    expect(codePage).not.toContain('Страничкин');
    const request = /name="request" value="([^"]+)"/.exec(codePage)![1]!;

    await runNow(jobDeps(h, 'outbox'), h);
    const [mail] = await h.deps.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(desc(outbox.createdAt)).limit(1);
    const code = /\b(\d{6})\b/.exec(mail!.text)![1]!;

    const wrong = await form('/find-booking/code', { site: 'demo-salon-spb', lang: 'ru', request, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('Код не подходит.');
    expect(wrongPage).not.toContain('/manage?token=');

    const right = await form('/find-booking/code', { site: 'demo-salon-spb', lang: 'ru', request, code });
    const list = await right.text();
    expect(right.status).toBe(200);
    expect(list).toContain('Мужская стрижка');
    expect(list).toContain('data-status="confirmed"');
    const link = /href="(\/manage\?token=[^"]+)"/.exec(list)![1]!.replace(/&amp;/g, '&');
    const manage = await fetch(`${url}${link}`);
    expect(manage.status).toBe(200);
    expect(await manage.text()).toContain('Мужская стрижка');

    // Single use: the same code again starts over.
    const again = await form('/find-booking/code', { site: 'demo-salon-spb', lang: 'ru', request, code });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Этот код больше не действует.');
  });

  it('an unknown site is a 404 page, a bad contact a 400 naming what to enter', async () => {
    expect((await fetch(`${url}/find-booking?site=nope`)).status).toBe(404);
    const bad = await form('/find-booking', { site: 'demo-barber-nyc', lang: 'en', contact: 'nope' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter a phone number (7 to 15 digits) or an e-mail such as name@example.com.');
  });
});
