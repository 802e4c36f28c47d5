import { expect, OWNER, test } from '../support/console';
import { Widget } from '../support/widget';

/**
 * "Get reminders in Telegram" (issue 16): with the (demo) Telegram bot connected, a booking made
 * in the widget shows a link button on its confirmation card — the bot's t.me deep link with a
 * single-use start token — in the visitor's language (here Russian, the St Petersburg salon).
 * Without Telegram the card has no such button.
 */
const SITE = 'demo-salon-spb';

test('the booking card offers “Получать напоминания в Telegram” when the salon has a bot', async ({ page, desk, state }) => {
  await desk.signedIn(OWNER(SITE));
  await desk.go('Messengers');
  const telegram = page.getByRole('region', { name: 'Telegram' });
  await telegram.getByLabel('Bot token').fill(`123456789:${'T'.repeat(35)}`);
  await telegram.getByRole('button', { name: 'Connect', exact: true }).click();
  const connected = page.getByText(/Connected: @demo_\d+_bot/);
  await expect(connected).toBeVisible();
  const username = /@(demo_\d+_bot)/.exec((await connected.innerText()))![1]!;

  try {
    const widget = new Widget(page, 'ru');
    await page.goto('/salon-spb/');
    await widget.open();
    await widget.bookFirstSlot('Мужская стрижка', { name: 'Ольга Петрова', phone: '+7 921 555-01-02' });
    const card = widget.log.locator('.card').last();
    const link = card.getByRole('link', { name: widget.t.tg });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', new RegExp(`^https://t\\.me/${username}\\?start=[A-Za-z0-9_-]{32}$`));
    await expect(link).toHaveAttribute('target', '_blank');
    await state('ru-card-telegram-link');
  } finally {
    // The demo server is shared by the specs: the salon goes back to having no bot.
    await desk.open('/settings/channels');
    await page.getByRole('region', { name: 'Telegram' }).getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Telegram' }).getByText(/Connected:/)).toHaveCount(0);
  }
});
