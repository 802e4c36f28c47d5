import { expect, OWNER, test } from '../support/console';

/**
 * The owner connects WhatsApp in Settings → Messengers (the demo WhatsApp: the Cloud API emulator
 * the service runs in the demo): a phone number id that is not digits is refused under the field;
 * the number, token, app secret and a template set connect, and the page shows the callback URL
 * and verify token to paste into Meta's dashboard; the token and secret fields are emptied.
 */
const SITE = 'demo-salon-spb';

test('the owner connects the demo WhatsApp number with its templates', async ({ page, desk, check }) => {
  await desk.signedIn(OWNER(SITE));
  await desk.go('Messengers');
  const wa = page.getByRole('region', { name: 'WhatsApp' });
  await expect(wa.getByText('Demo WhatsApp (emulator, not Meta)')).toBeVisible();
  await wa.getByLabel('Phone number ID').fill('my number');
  await wa.getByLabel('Access token').fill('EAAdemo');
  await wa.getByLabel('App secret').fill('0123456789abcdef0123456789abcdef');
  await wa.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(wa.locator('.field-error')).toHaveText('Meta does not accept this. Copy it again from the App Dashboard.');
  await check('whatsapp-refused');

  await wa.getByLabel('Phone number ID').fill('105550123456789');
  const ru = wa.getByRole('group', { name: /Русский/ });
  await ru.getByLabel('Template language code').fill('ru');
  await ru.getByLabel('Reminder template').fill('appointment_reminder');
  await ru.getByLabel('Other messages template').fill('booking_update');
  await wa.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(wa.getByText(/^Connected: \+1 555 0789/)).toBeVisible();
  await expect(wa.getByText(/\/channels\/whatsapp\/[0-9a-f-]{36}$/)).toBeVisible();
  await expect(wa.getByLabel('Access token')).toHaveValue('');
  await expect(ru.getByLabel('Reminder template')).toHaveValue('appointment_reminder');
  await check('whatsapp-connected');

  await wa.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(wa.getByText(/Connected:/)).toHaveCount(0);
});
