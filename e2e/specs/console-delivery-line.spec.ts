/**
 * A message that WhatsApp could not carry went by SMS, and the St Petersburg owner sees it in
 * Russian (issue 16): the owner connects the demo WhatsApp number with a Russian template that
 * Meta (the emulator) never approved; a client books leaving only a phone (through the public
 * API, as the widget does), so the confirmation goes to WhatsApp first, is refused (132001) and
 * goes by SMS. The dashboard says so under "Доставка сообщений клиентам" with the booking,
 * whose link opens the booking panel with the line "WhatsApp: не доставлено — отправили по SMS".
 * Screenshots + axe in ru (and the dashboard in hy, whose words are new); WhatsApp is
 * disconnected again at the end.
 */
import { en } from '../../console/src/i18n/en';
import { hy } from '../../console/src/i18n/hy';
import { ru } from '../../console/src/i18n/ru';
import { call, nearestSlots } from '../support/api';
import { expect, OWNER, test } from '../support/console';
import { BOOKING_URL } from '../support/urls';

const SITE = 'demo-salon-spb';

test('WhatsApp refused, SMS carried it: the dashboard and the booking panel say so in Russian', async ({ page, desk, check }) => {
  test.setTimeout(150_000);
  await desk.signedIn(OWNER(SITE));
  await desk.go('Messengers');
  const wa = page.getByRole('region', { name: 'WhatsApp' });
  await wa.getByLabel('Phone number ID').fill('105550123456431');
  await wa.getByLabel('Access token').fill('EAAdemo-delivery');
  await wa.getByLabel('App secret').fill('0123456789abcdef0123456789abcdef');
  const ruTemplates = wa.getByRole('group', { name: /Русский/ });
  await ruTemplates.getByLabel('Template language code').fill('ru');
  await ruTemplates.getByLabel('Reminder template').fill('never_approved_reminder');
  await ruTemplates.getByLabel('Other messages template').fill('never_approved_update');
  await wa.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(wa.getByText(/^Connected: /)).toBeVisible();

  // A phone-only client, in Russian: WhatsApp is tried first (the business has a template for ru).
  const name = `Вера Безпочты ${Date.now() % 100000}`;
  const phone = '+7 911 555-04-31';
  const [slot] = await nearestSlots(page.request, SITE, 'salon-haircut-men', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  expect(slot, 'a free slot at the salon').toBeTruthy();
  const hold = await call<{ holdToken: string }>(page.request, 'booking.hold', { siteKey: SITE, serviceId: 'salon-haircut-men', staffId: slot!.staffId, start: slot!.start });
  await call(page.request, 'booking.confirm', { holdToken: hold.holdToken, customer: { name, phone }, consent: true, lang: 'ru', idempotencyKey: `e2e-delivery-${Date.now()}` });

  // The job worker sends it within seconds: the demo SMS provider got the confirmation.
  const thread = `${BOOKING_URL}/demo/chats/thread?c=sms&lang=ru&p=${phone.replace(/\D/g, '')}`;
  await expect.poll(async () => (await page.request.get(thread)).text(), { timeout: 30_000, message: 'the SMS that replaced WhatsApp' }).toContain('/l/');

  await page.getByRole('combobox', { name: en.app.language }).selectOption('ru');
  await expect(page.getByRole('navigation', { name: ru.app.mainNav })).toBeVisible();
  await page.getByRole('navigation', { name: ru.app.mainNav }).getByRole('link', { name: ru.nav.dashboard, exact: true }).click();
  await expect(desk.heading).toHaveText(ru.dashboard.title);
  const section = page.getByRole('region', { name: ru.delivery.title });
  await expect(section).toBeVisible();
  await expect(section.getByTestId('delivery-fallback-count')).toHaveText(/^Доставлено другим способом: [1-9]/);
  const row = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  await expect(row).toContainText('WhatsApp не сработал — отправили по SMS');
  await expect(row).toContainText(ru.delivery.messages.booking_confirmed);
  await check('ru-dashboard-delivery');

  await row.getByRole('link', { name: `Открыть запись: ${name}` }).click();
  await expect(desk.heading).toHaveText(ru.calendar.title);
  const line = page.getByTestId('booking-delivery');
  await expect(line).toHaveText(/^WhatsApp: не доставлено — отправили по SMS \(.+\)$/);
  await check('ru-booking-panel-delivery');

  // The dashboard's new words in Armenian.
  await page.getByRole('combobox', { name: ru.app.language }).selectOption('hy');
  await page.goto(desk.url('/dashboard'));
  await expect(desk.heading).toHaveText(hy.dashboard.title);
  await expect(page.getByRole('region', { name: hy.delivery.title }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) })).toContainText('WhatsApp-ը չաշխատեց — ուղարկվել է SMS-ով');
  await check('hy-dashboard-delivery');

  // Tidy up: English again, and WhatsApp disconnected (later journeys expect SMS alone here).
  await page.getByRole('combobox', { name: hy.app.language }).selectOption('en');
  await desk.go('Messengers');
  await wa.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(wa.getByText(/Connected:/)).toHaveCount(0);
});
