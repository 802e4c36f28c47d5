/**
 * A phone-only client, end to end over SMS (issue 16), in Russian: a visitor books in the
 * widget on the St Petersburg salon's site leaving only a phone; the demo SMS provider (the
 * service's fake Twilio, src/dev/sms-emulator.ts) gets the confirmation — a short `/l/` link, in
 * its shortest form — which the demo chats page shows as the client's phone would; the client answers
 * "1" there (the provider delivers it to our webhook signed as Twilio does) and gets the thanks;
 * the owner's console shows the booking as confirmed by the client. Screenshots + axe of each
 * new screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { ru } from '../../console/src/i18n/ru';
import { expect, OWNER, test } from '../support/console';
import { WCAG } from '../support/fixtures';
import { BOOKING_URL } from '../support/urls';
import { Widget } from '../support/widget';

const SITE = 'demo-salon-spb';

/** SMS segments as a phone counts them: GSM-7 (160 a segment) unless a character needs UCS-2 (70). */
function segments(text: string): number {
  const gsm7 = /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/.test(text);
  return gsm7 ? (text.length <= 160 ? 1 : Math.ceil(text.length / 153)) : text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

async function shot(page: Page, info: TestInfo, name: string, include?: string) {
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(name, { path: file, contentType: 'image/png' });
  const axe = new AxeBuilder({ page }).withTags(WCAG);
  const result = await (include ? axe.include(include) : axe).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(' ')).join(', ')})`), `axe on "${name}"`).toEqual([]);
}

test('a phone-only visitor gets the SMS, answers "1", and the console shows the booking confirmed by the client', async ({ page, desk, check }, info) => {
  test.setTimeout(150_000);
  const name = `Зоя Смс ${Date.now() % 100000}`;
  const phone = `+7 911 ${String(Date.now() % 1000).padStart(3, '0')}-07-77`;
  const digits = phone.replace(/\D/g, '');

  // 1. The widget: phone only, no e-mail.
  const widget = new Widget(page, 'ru');
  await page.goto('/salon-spb/');
  await widget.open();
  await widget.bookFirstSlot('Мужская стрижка', { name, phone });
  await shot(page, info, '01-ru-widget-booked-phone-only', 'frontdesk-widget');

  // 2. The confirmation SMS on the demo provider: a short link, one segment.
  const thread = `${BOOKING_URL}/demo/chats/thread?c=sms&lang=ru&p=${digits}`;
  await expect.poll(async () => (await page.request.get(thread)).text(), { timeout: 30_000, message: 'the confirmation SMS' }).toContain('/l/');
  await page.goto(`${BOOKING_URL}/demo/chats?lang=ru&c=sms&p=${digits}`);
  await expect(page.getByRole('navigation', { name: 'Телефон клиента' }).getByRole('link', { name: `+${digits}` })).toHaveAttribute('aria-current', 'page');
  const chat = page.frameLocator('iframe[name="thread"]');
  const first = chat.locator('li.bot').first();
  await expect(first).toContainText(`${BOOKING_URL}/l/`);
  const sms = await first.evaluate((li) => li.lastChild?.textContent ?? '');
  info.annotations.push({ type: 'sms', description: `${sms} (${sms.length} characters)` });
  expect(sms).toMatch(new RegExp(`${BOOKING_URL}/l/[A-Za-z0-9_-]+$`));
  // Cyrillic needs UCS-2 (70 units a segment). With this long loopback link no form fits one
  // segment, so sms-text.ts sends the fullest text that fits the fewest (two), the business name
  // whole (with a production-length link a short form fits one: sms-text.test.ts).
  expect(segments(sms), `at most two SMS segments: ${sms}`).toBeLessThanOrEqual(2);
  expect(sms, 'the business name whole, never cut inside its quotes').toContain('Салон красоты «Лаванда»');
  // The SMS comes from the salon, not from a "bot", and the salon is the business highlighted.
  await expect(first.locator('.who')).toHaveText('Салон красоты «Лаванда»');
  await expect(page.getByRole('navigation', { name: 'Компания' }).getByRole('link', { name: 'Салон красоты «Лаванда»' })).toHaveAttribute('aria-current', 'page');
  await shot(page, info, '02-ru-demo-sms-confirmation');

  // 3. The client answers "1": the provider posts it to our webhook, signed; the thanks comes back.
  await page.getByPlaceholder('Сообщение от клиента').fill('1');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await expect(chat.locator('li.user').last()).toHaveText(/1$/);
  await expect.poll(async () => (await page.request.get(thread)).text(), { timeout: 30_000, message: 'the thanks for "1"' }).toContain('Спасибо! Ждём вас');
  await page.reload();
  await expect(chat.locator('li.bot').last()).toContainText('Спасибо! Ждём вас');
  await shot(page, info, '03-ru-demo-sms-replied-1');

  // 3b. Any other text is for the salon's people: it lands in the staff inbox, and the client is told so.
  await page.getByPlaceholder('Сообщение от клиента').fill('Можно прийти с ребёнком?');
  await page.getByRole('button', { name: 'Отправить' }).click();
  await expect.poll(async () => (await page.request.get(thread)).text(), { timeout: 30_000, message: 'passed on' }).toContain('Передали ваше сообщение');

  // 4. The console: the booking, confirmed by the client.
  await desk.signedIn(OWNER(SITE));
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const res = await page.request.get(`${BOOKING_URL}/console/trpc/calendar.list?input=${encodeURIComponent(JSON.stringify({ from, to }))}`);
  expect(res.ok(), await res.text()).toBe(true);
  const { bookings } = ((await res.json()) as { result: { data: { bookings: Array<{ id: string; startsAt: string; customer: { name: string } }> } } }).result.data;
  const booking = bookings.find((b) => b.customer.name === name);
  expect(booking, `the booking of ${name}`).toBeTruthy();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(booking!.startsAt));
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await expect(desk.heading).toHaveText(ru.nav.calendar);
  // The link opens the calendar on that day with the booking's panel (a fresh page: the calendar reads it once).
  await page.goto(desk.url(`/calendar?date=${day}&view=day&booking=${booking!.id}`));
  await page.reload();
  await expect(desk.heading).toHaveText(ru.calendar.title);
  await expect(page.getByTestId('booking-confirmation')).toHaveText(ru.calendar.confirmation.confirmed);
  await expect(page.locator(`[data-booking="${booking!.id}"]`)).toContainText(name);
  await check('04-ru-console-confirmed-by-client');

  // Tidy up: the console in English again for later journeys.
  await page.getByRole('combobox', { name: ru.app.language }).selectOption('en');
  await expect(desk.heading).toHaveText('Calendar');
});
