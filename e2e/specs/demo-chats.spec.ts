import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { WCAG } from '../support/fixtures';
import { BOOKING_URL } from '../support/urls';

/**
 * The demo's chats page (`/demo/chats`, served only when the demo's emulators run): a person
 * picks a demo business and a channel, connects the demo bot with one click, writes as the client
 * and taps the bot's buttons — all through the Telegram / WhatsApp emulators and the service's
 * real webhooks. Each state: a full-page screenshot and axe (WCAG 2.2 AA, the chat's iframe too).
 */
async function check(page: Page, info: TestInfo, name: string) {
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(name, { path: file, contentType: 'image/png' });
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((x) => x.target.join(' ')).join(', ')})`), `axe on "${name}"`).toEqual([]);
}

test('a person tries the demo Telegram bot as a client: menu, then a tap', async ({ page }, info) => {
  await page.goto(`${BOOKING_URL}/demo/chats?lang=en`);
  await page.getByRole('navigation', { name: 'Business' }).getByRole('link', { name: 'Bedford Blade Barbershop' }).click();
  await page.getByRole('navigation', { name: 'Channel' }).getByRole('link', { name: 'Telegram' }).click();
  await page.getByRole('button', { name: 'Connect a demo bot' }).click();

  const chat = page.frameLocator('iframe[name="thread"]');
  // An empty chat offers Telegram's own Start (it sends /start): the bot greets with its menu.
  await expect(chat.getByText(/No messages yet/)).toBeVisible();
  await chat.getByRole('button', { name: 'Start', exact: true }).click();
  const book = chat.getByRole('button', { name: 'Book', exact: true }).last();
  await expect(book).toBeVisible();
  await expect(chat.locator('li.user')).toContainText('/start');
  await check(page, info, '01-telegram-menu');

  await book.click();
  // A tap is played as the client's choice: the bot asks for the service next.
  await expect(chat.getByRole('button', { name: /Haircut/ }).first()).toBeVisible();
  // Typing as the client goes through the same webhook and is read against the prompt on screen.
  await page.getByPlaceholder('Message as the client').fill('haircut');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(chat.locator('li.user').last()).toContainText('haircut');
  await expect(chat.locator('li.bot').last()).toContainText('Who would you like to see?');
  await expect(chat.getByRole('button', { name: 'Anyone available' })).toBeVisible();
  await check(page, info, '02-telegram-after-tap-and-text');

  // Reloading by itself is the person's choice (WCAG 2.2.1): on, the chat stays where it was.
  await page.getByRole('link', { name: 'Refresh every 5 seconds' }).click();
  await expect(chat.getByRole('button', { name: 'Anyone available' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Stop refreshing' })).toBeVisible();
});

test('the page speaks Russian and shows the demo SMS provider’s texts', async ({ page }, info) => {
  await page.goto(`${BOOKING_URL}/demo/chats?lang=ru&c=sms`);
  await expect(page.getByRole('heading', { level: 1, name: 'Демо-чаты' })).toBeVisible();
  await expect(page.getByText(/ответить 1 \(подтвердить\) или 2 \(перенести\)/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Канал' }).getByRole('link', { name: 'WhatsApp' }).click();
  await page.getByRole('navigation', { name: 'Компания' }).getByRole('link', { name: 'Bedford Blade Barbershop' }).click();
  await page.getByRole('button', { name: 'Подключить демо-номер' }).click();
  await page.getByPlaceholder('Сообщение от клиента').fill('меню');
  await page.getByRole('button', { name: 'Отправить' }).click();
  const chat = page.frameLocator('iframe[name="thread"]');
  await expect(chat.locator('li.bot').first()).toBeVisible();
  await expect(chat.locator('.buttons button').first()).toBeVisible();
  await check(page, info, '03-whatsapp-ru');
});
