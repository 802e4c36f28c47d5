/**
 * CSV exports from the console (exports.csv, owner only): a period's bookings, leads and clients
 * in the business's zone and the owner's language, with the UTF-8 BOM Excel needs for Cyrillic
 * and Armenian, the separator Excel expects there, and a visitor's "=formula" name made harmless.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UTF8_BOM } from '../src/domain/export/csv.js';
import { dbKinds } from './support/db.js';
import { book } from './support/booking.js';
import { createHarness, type Harness } from './support/harness.js';
import { consoleFailure, ownerOf, signIn, staffAccount, type ConsoleSessionClient } from './support/console.js';

const SALON_SITE = 'demo-salon-spb';
// The salon works in Moscow (UTC+3): a whole March in its days.
const MARCH = { from: '2026-02-28T21:00:00.000Z', to: '2026-03-31T21:00:00.000Z' };

const lines = (csv: string) => csv.slice(UTF8_BOM.length).split('\r\n').filter(Boolean);

describe.each(dbKinds)('CSV export on %s', (kind) => {
  let h: Harness;
  let owner: ConsoleSessionClient;
  let start: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    const base = (await h.http()).url;
    owner = await signIn(base, ownerOf(SALON_SITE));
    const made = await book(h, { day: '2026-03-04', name: '=HYPERLINK("http://evil.example","Анна")', email: '' });
    start = made.booking.start;
    const api = h.caller();
    let v = await api.conversation.send({ siteKey: SALON_SITE, lang: 'hy', after: 0, event: { type: 'choose', optionId: 'intent:human' } });
    v = await api.conversation.send({ siteKey: SALON_SITE, conversationId: v.conversationId, token: v.token, lang: 'hy', after: v.seq, event: { type: 'text', text: 'Ունե՞ք ազատ ժամ' } });
    await api.conversation.send({ siteKey: SALON_SITE, conversationId: v.conversationId, token: v.token, lang: 'hy', after: v.seq, event: { type: 'contact', name: 'Անի; Սարգսյան', contact: 'ani@example.com', consent: true } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('exports the bookings in the business’s zone and in Russian, with the BOM, ";" and the formula guard', async () => {
    const f = await owner.client.exports.csv.query({ kind: 'bookings', ...MARCH, lang: 'ru' });
    expect(f.filename).toBe('zapisi_2026-03-01_2026-03-31.csv');
    expect(f.csv.startsWith(UTF8_BOM)).toBe(true);
    const [header, row, ...rest] = lines(f.csv);
    expect(rest).toEqual([]);
    expect(header).toBe('Дата;Начало;Конец;Услуга;Мастер;Клиент;Телефон;E-mail;Статус;Канал;Цена;Валюта;Комментарий;Причина отмены;Когда записан;ID записи');
    const cells = row!.split(';');
    // Local (Moscow) date and time of the start.
    const local = new Date(Date.parse(start) + 3 * 3_600_000).toISOString();
    expect(cells.slice(0, 2)).toEqual([local.slice(0, 10), local.slice(11, 16)]);
    // The name that looks like a formula is text, quoted because it has quotes; the phone starts with + so it is guarded too.
    expect(row).toContain(`;"'=HYPERLINK(""http://evil.example"",""Анна"")";'+7 900 123-45-67;;Подтверждена;Виджет;`);
    expect(f.rows).toBe(1);
  });

  it('exports leads in Armenian and clients in English; an empty period has just the header', async () => {
    const leads = await owner.client.exports.csv.query({ kind: 'leads', ...MARCH, lang: 'hy' });
    const [header, row] = lines(leads.csv);
    expect(header!.split(';').slice(0, 4)).toEqual(['Ամսաթիվ', 'Անուն', 'Հեռախոս', 'Էլ. փոստ']);
    // A separator inside a name is quoted.
    expect(row).toContain(';"Անի; Սարգսյան";;ani@example.com;Վիջեթ;Կապ մարդու հետ;');
    const clients = await owner.client.exports.csv.query({ kind: 'customers', ...MARCH, lang: 'en' });
    const [ch, ...crows] = lines(clients.csv);
    expect(ch).toBe('First seen,Name,Phone,E-mail,Language,Bookings,Client ID');
    expect(crows.find((r) => r.includes('HYPERLINK'))).toMatch(/^2026-03-02 \d\d:\d\d,"'=HYPERLINK\(""http:\/\/evil\.example"",""Анна""\)",'\+7 900 123-45-67,,Russian,1,/);
    const empty = await owner.client.exports.csv.query({ kind: 'bookings', from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z', lang: 'en' });
    expect(lines(empty.csv)).toHaveLength(1);
  });

  it('is for the owner only, and names a bad period', async () => {
    const staff = await signIn(owner.base, staffAccount('salon-anna', SALON_SITE));
    expect((await consoleFailure(staff.client.exports.csv.query({ kind: 'bookings', ...MARCH, lang: 'ru' }))).code).toBe('FORBIDDEN');
    const backwards = await consoleFailure(owner.client.exports.csv.query({ kind: 'leads', from: MARCH.to, to: MARCH.from, lang: 'ru' }));
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(backwards.data.fields).toEqual([{ path: 'to', message: 'must be after from' }]);
    const long = await consoleFailure(owner.client.exports.csv.query({ kind: 'leads', from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', lang: 'ru' }));
    expect(long.data.fields).toEqual([{ path: 'to', message: 'at most 400 days' }]);
  });
});
