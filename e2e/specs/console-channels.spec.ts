import { expect, OWNER, test } from '../support/console';

/**
 * The owner connects a Telegram bot in Settings → Messengers (the demo Telegram: the Bot API
 * emulator the service runs in the demo): a malformed token is refused under the field, a token
 * of BotFather's shape connects and shows the bot's @username and link; Disconnect undoes it.
 */
const SITE = 'demo-salon-spb';

test('the owner connects and disconnects the demo Telegram bot', async ({ page, desk, check }) => {
  await desk.signedIn(OWNER(SITE));
  await desk.go('Messengers');
  await expect(page.getByText('Demo Telegram (emulator, not Telegram)')).toBeVisible();
  // The page also holds WhatsApp's form: everything here is within the Telegram section.
  const telegram = page.getByRole('region', { name: 'Telegram' });
  const token = telegram.getByLabel('Bot token');
  await token.fill('not a token');
  await telegram.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(telegram.locator('.field-error')).toHaveText('Telegram does not know this token. Copy it again from @BotFather.');
  await check('channels-refused');

  await token.fill(`123456789:${'A'.repeat(35)}`);
  await telegram.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText(/Connected: @demo_\d+_bot/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the bot' })).toHaveAttribute('href', /^https:\/\/t\.me\/demo_\d+_bot$/);
  await expect(token).toHaveValue('');
  await check('channels-connected');

  await telegram.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(telegram.getByText(/Connected:/)).toHaveCount(0);
});
