import { createHmac, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, OWNER, test } from '../support/console';
import { BOOKING_URL } from '../support/urls';

/**
 * The inbox shows where each client wrote (issue 16): the St Petersburg salon connects the demo
 * WhatsApp number, a client asks for a person there (signed webhooks, as Meta sends them, to the
 * callback URL the console shows), and the owner — reading the console in Russian — sees
 * "WhatsApp" on the request, filters the inbox to WhatsApp (and to Telegram: nothing), and sees
 * the channel on the conversation and its lead card; the dashboard's KPIs by channel have a
 * WhatsApp row.
 */
const SITE = 'demo-salon-spb';
const PHONE_NUMBER_ID = '105550198765';
const APP_SECRET = '0123456789abcdef0123456789abcdef';
const CLIENT = { waId: '79111234567', name: 'Мария Канал' };

/** One inbound WhatsApp message to the service's webhook, signed with the app secret. */
async function clientSends(page: Page, callbackUrl: string, message: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{
      id: 'waba-e2e',
      changes: [{
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550198765', phone_number_id: PHONE_NUMBER_ID },
          contacts: [{ profile: { name: CLIENT.name }, wa_id: CLIENT.waId }],
          messages: [{ from: CLIENT.waId, id: `wamid.${randomBytes(12).toString('base64url')}`, timestamp: String(Math.floor(Date.now() / 1000)), ...message }],
        },
      }],
    }],
  });
  const res = await page.request.post(callbackUrl, {
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}` },
    data: body,
  });
  expect(res.status(), await res.text()).toBe(200);
}

test('a WhatsApp request shows its channel in the inbox, the filter and the lead card (ru)', async ({ page, desk, check }) => {
  test.setTimeout(120_000);
  await desk.signedIn(OWNER(SITE));
  await desk.go('Messengers');
  const wa = page.getByRole('region', { name: 'WhatsApp' });
  await wa.getByLabel('Phone number ID').fill(PHONE_NUMBER_ID);
  await wa.getByLabel('Access token').fill('EAAdemo');
  await wa.getByLabel('App secret').fill(APP_SECRET);
  await wa.getByRole('button', { name: 'Connect', exact: true }).click();
  const callback = wa.getByText(/\/channels\/whatsapp\/[0-9a-f-]{36}$/);
  await expect(callback).toBeVisible();
  const callbackUrl = (await callback.textContent())!.trim().match(/https?:\/\/\S+$/)![0];
  try {
    // The client's conversation: hello → "contact the administrator" → question → name and phone.
    await clientSends(page, callbackUrl, { type: 'text', text: { body: 'Здравствуйте' } });
    await clientSends(page, callbackUrl, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'o:intent:human', title: 'Связаться с администрат…' } } });
    await clientSends(page, callbackUrl, { type: 'text', text: { body: 'Можно прийти с собакой?' } });
    await clientSends(page, callbackUrl, { type: 'text', text: { body: 'Мария +7 911 123-45-67' } });

    await desk.go('Inbox');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ru');
    await expect(desk.heading).toHaveText('Входящие');
    const card = page.locator('article.request', { hasText: 'Мария' }).first();
    await expect(card.locator('.badge.channel')).toHaveText('WhatsApp');

    const channel = page.getByLabel('Канал', { exact: true });
    await channel.selectOption('whatsapp');
    await expect(page.locator('article.request')).not.toHaveCount(0);
    // Every request the filter leaves is a WhatsApp one (counting first raced the list's re-render).
    await expect(page.locator('article.request .badge.channel').first()).toHaveText('WhatsApp');
    await expect(page.locator('article.request .badge.channel', { hasNotText: 'WhatsApp' })).toHaveCount(0);
    await check('inbox-channel-whatsapp');

    await channel.selectOption('telegram');
    await expect(page.getByText('Заявок нет.')).toBeVisible();
    await channel.selectOption('');

    await card.getByRole('button', { name: /^Ответ \// }).click();
    const lead = card.getByRole('region', { name: 'Лид' });
    await expect(lead.locator('dt', { hasText: 'Канал' }).locator('+ dd')).toHaveText('WhatsApp');
    await expect(card.getByRole('region', { name: 'Переписка' }).locator('h3 .badge.channel')).toHaveText('WhatsApp');
    await expect(card.getByRole('list', { name: 'Переписка' }).getByText('Можно прийти с собакой?')).toBeVisible();
    // A WhatsApp client is never "in the chat" of the widget: the thread says where the reply goes.
    await expect(card.getByRole('region', { name: 'Переписка' }).locator('h3 .presence')).toHaveText('Ответ придёт клиенту в WhatsApp');
    await check('inbox-channel-conversation');

    // The dashboard breaks the KPIs down by channel: WhatsApp has its row (a hand-off, not yet answered).
    await page.getByRole('link', { name: 'Показатели', exact: true }).click();
    await expect(desk.heading).toHaveText('Показатели');
    const byChannel = page.getByRole('region', { name: 'Показатели по каналам' });
    await expect(byChannel.getByRole('rowheader', { name: 'WhatsApp' })).toBeVisible();
    await check('dashboard-by-channel');
  } finally {
    // Leave the salon without WhatsApp, as the other journeys expect it (the console API, same cookie).
    const me = (await (await page.request.get(`${BOOKING_URL}/console/trpc/auth.me`)).json()) as { result: { data: { csrfToken: string } } };
    await page.request.post(`${BOOKING_URL}/console/trpc/channels.disconnectWhatsApp`, { headers: { 'x-csrf-token': me.result.data.csrfToken }, data: {} });
  }
});
