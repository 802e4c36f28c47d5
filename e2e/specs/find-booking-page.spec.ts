import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { call, nearestSlots } from '../support/api';
import { WCAG } from '../support/fixtures';
import { BOOKING_URL } from '../support/urls';

/**
 * Issue 13, "My booking anywhere", on the manage pages: /find-booking asks for the phone or e-mail,
 * e-mails a one-time code and then lists the bookings, each with its manage link. Nothing about a
 * booking before the code.
 */

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The newest demo-mailbox message to `to` with a code (the mail goes out by a durable job, a moment later). */
async function codeMailedTo(request: APIRequestContext, to: string): Promise<string> {
  let id = '';
  await expect(async () => {
    const list = await (await request.get(`${BOOKING_URL}/mailbox`)).text();
    const rows = [...list.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td><a href="\/mailbox\/([^"]+)">([^<]*)<\/a><\/td><\/tr>/g)];
    id = rows.find(([, t, , s]) => decode(t!).includes(to) && /код|code|կոդ/i.test(decode(s!)))?.[2] ?? '';
    expect(id, `a code mailed to ${to}`).not.toBe('');
  }).toPass({ timeout: 30_000 });
  const page = await (await request.get(`${BOOKING_URL}/mailbox/${id}`)).text();
  return /\b(\d{6})\b/.exec(decode(/<pre[^>]*>([\s\S]*?)<\/pre>/.exec(page)?.[1] ?? ''))![1]!;
}

async function look(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`), `axe on "${name}"`).toEqual([]);
}

test('find my booking: e-mail → code from the mailbox → the booking with its manage link', async ({ page, request }) => {
  const email = `finder-${Date.now()}@example.com`;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(Date.now() + 3 * 86_400_000));
  const [slot] = await nearestSlots(request, 'demo-salon-spb', 'salon-haircut-men', day);
  const hold = await call<{ holdToken: string }>(request, 'booking.hold', { siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', staffId: slot!.staffId, start: slot!.start });
  await call(request, 'booking.confirm', { holdToken: hold.holdToken, customer: { name: 'Пётр Находкин', email }, consent: true, lang: 'ru', idempotencyKey: `e2e-find-${Date.now()}` });

  await page.goto(`${BOOKING_URL}/find-booking?site=demo-salon-spb`);
  await expect(page.getByRole('heading', { name: 'Найти мою запись' })).toBeVisible();
  await look(page, '01-ask-contact');
  await page.getByLabel('Телефон или эл. почта').fill(email);
  await page.getByRole('button', { name: 'Прислать код' }).click();
  await expect(page.getByLabel('Код из письма')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Находкин');
  await look(page, '02-ask-code');

  const code = await codeMailedTo(request, email);
  await page.getByLabel('Код из письма').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Показать мои записи' }).click();
  await expect(page.getByRole('alert')).toContainText('Код не подходит.');
  await look(page, '03-wrong-code');

  await page.getByLabel('Код из письма').fill(code);
  await page.getByRole('button', { name: 'Показать мои записи' }).click();
  await expect(page.getByRole('cell', { name: /Мужская стрижка/ })).toBeVisible();
  await look(page, '04-bookings');
  await page.getByRole('link', { name: 'Перенести или отменить' }).click();
  await expect(page.locator('body')).toContainText('Мужская стрижка');
  await look(page, '05-manage');
});
