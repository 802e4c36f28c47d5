/**
 * Issue 12, defect 2 (500 on far dates) and defect 3 (`POST /manage/reschedule` did not validate
 * `start`). Every date and time a visitor can send — API fields and the pages' form fields — is
 * checked by the same schemas: outside any sane range or the business's booking horizon it is a
 * 400 naming the field (a 400 page for the pages), never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/services/tokens.js';
import { book } from './support/booking.js';
import { dbKinds } from './support/db.js';
import { failureOf } from './support/expect-error.js';
import { createHarness, type Harness } from './support/harness.js';

const FAR_DATES = ['9999-12-31', '0000-01-01', '0001-01-01', '1969-12-31', '2300-01-01'];
const BROKEN_DAYS = ['2026-03-99', '2026-13-45', 'banana', '99999-01-01'];
const FAR_STARTS = ['9999-12-31T10:00:00Z', '0001-01-01T10:00:00Z', '0000-01-01T00:00:00Z', '2300-06-01T10:00:00+03:00'];
const fieldsOf = (data: Record<string, unknown>) => (data.fields as Array<{ path: string }> | undefined)?.map((f) => f.path);

describe.each(dbKinds)('defect 2 + 3: far dates and page form fields on %s', (kind) => {
  let h: Harness;
  let base: string;
  let manageToken: string;
  let rebookToken: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    base = (await h.http()).url;
    const done = await book(h, { day: '2026-03-04', email: 'far@example.com', lang: 'en', name: 'Far' });
    manageToken = done.manageToken;
    rebookToken = signToken(h.deps.secret, done.booking.id, 'rebook');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('defect 2: slots.find from a far date is a 400 naming `from`', async () => {
    for (const from of FAR_DATES) {
      const f = await failureOf(h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from }));
      expect(f.code, from).toBe('BAD_REQUEST');
      expect(fieldsOf(f.data), from).toEqual(['from']);
    }
  });

  it('defect 2: dates past the booking horizon are a 400 naming the field (salon: 60 days)', async () => {
    const f = await failureOf(h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-05-10' }));
    expect([f.code, fieldsOf(f.data)]).toEqual(['BAD_REQUEST', ['from']]);
    const g = await failureOf(h.caller().booking.hold({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', start: '2026-05-10T08:00:00Z' }));
    expect([g.code, fieldsOf(g.data)]).toEqual(['BAD_REQUEST', ['start']]);
    const r = await failureOf(h.caller().booking.reschedule({ manageToken, start: '2026-05-10T08:00:00Z' }));
    expect([r.code, fieldsOf(r.data)]).toEqual(['BAD_REQUEST', ['start']]);
    // Inside the horizon still answers; its last day (partly bookable: up to now + 60 days) is no 400.
    expect((await h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-04-30', days: 1 })).slots.length).toBeGreaterThan(0);
    await h.caller().slots.find({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from: '2026-05-01', days: 1 });
  });

  it('defect 2: booking.hold and booking.reschedule with a start in year 9999 or 0001 are a 400 naming `start`', async () => {
    for (const start of FAR_STARTS) {
      const f = await failureOf(h.caller().booking.hold({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', start }));
      expect([f.code, fieldsOf(f.data)], start).toEqual(['BAD_REQUEST', ['start']]);
      const g = await failureOf(h.caller().booking.reschedule({ manageToken, start }));
      expect([g.code, fieldsOf(g.data)], start).toEqual(['BAD_REQUEST', ['start']]);
    }
  });

  it('defect 2 + 3: over HTTP the same far inputs are 400 with fields, never 5xx', async () => {
    for (const from of FAR_DATES) {
      const res = await fetch(`${base}/trpc/slots.find?input=${encodeURIComponent(JSON.stringify({ siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from, days: 31 }))}`);
      expect(res.status, from).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('"path":"from"');
    }
  });

  const post = (path: string, form: Record<string, string>) =>
    fetch(`${base}${path}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

  it('defect 3: POST /manage/reschedule with start "banana", "", "2026-13-45T99:00:00Z" or a far date is a 400 page', async () => {
    for (const start of ['banana', '', '2026-13-45T99:00:00Z', ...FAR_STARTS, '2026-05-10T08:00:00Z']) {
      const res = await post('/manage/reschedule', { token: manageToken, lang: 'en', start });
      expect(res.status, start).toBe(400);
      expect(res.headers.get('content-type')).toContain('text/html');
      const html = await res.text();
      expect(html).toContain('Pick a time from the list');
      expect(html).not.toMatch(/at .*\.(ts|js):\d+|stack/i);
    }
    // A missing field, a repeated one (an array to the parser) and a huge one: the same 400 page.
    expect((await fetch(`${base}/manage/reschedule`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(manageToken)}` })).status).toBe(400);
    expect((await fetch(`${base}/manage/reschedule`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(manageToken)}&start=a&start=b` })).status).toBe(400);
  });

  it('defect 2 + 3: POST /rebook with a far or broken start is a 400 page; far ?day= on the pages falls back to a shown day', async () => {
    for (const start of ['banana', '', '2026-13-45T99:00:00Z', ...FAR_STARTS]) {
      const res = await post('/rebook', { token: rebookToken, lang: 'ru', start });
      expect(res.status, start).toBe(400);
      expect(await res.text()).toContain('Выберите время из списка');
    }
    for (const day of [...FAR_DATES, ...BROKEN_DAYS]) {
      expect((await fetch(`${base}/manage?token=${encodeURIComponent(manageToken)}&day=${day}`)).status, day).toBe(200);
      expect((await fetch(`${base}/rebook?token=${encodeURIComponent(rebookToken)}&day=${day}`)).status, day).toBe(200);
    }
  });

  it('defect 3: the other form posts refuse broken fields with a page, not a 500', async () => {
    for (const [path, form] of [
      ['/manage/cancel', { token: '', lang: 'en' }],
      ['/manage/cancel', { token: 'x'.repeat(600), lang: 'zz' }],
      ['/confirm', { token: '', lang: 'hy' }],
      ['/rebook', { token: 'x', start: '2026-03-05T08:00:00Z' }],
    ] as const) {
      const res = await post(path, form);
      expect(res.status, `${path} ${JSON.stringify(form)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path} ${JSON.stringify(form)}`).toBeLessThan(500);
    }
  });
});
