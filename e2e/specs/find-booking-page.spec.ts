import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { call, nearestSlots } from '../support/api';
import { WCAG } from '../support/fixtures';
import { BOOKING_URL } from '../support/urls';
import { codeMailedTo } from '../support/mailbox';

/**
 * Issue 13, "My booking anywhere", on the manage pages: /find-booking asks for the phone or e-mail,
 * e-mails a one-time code and then lists the bookings, each with its manage link. Nothing about a
 * booking before the code.
 */


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
