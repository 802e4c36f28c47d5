import { expect, OWNER, test } from '../support/console';
import { call } from '../support/api';
import { BOOKING_URL, DEMO_URL } from '../support/urls';
import { Widget } from '../support/widget';

/**
 * The live chat from the visitor's side (issue 13), on a phone: "talk to a person" continues in
 * the chat; a staff reply (sent through the console API) arrives over the conversation's stream
 * while the chat is open, and as an unread badge on the launcher while it is closed; a reload
 * keeps the thread.
 */
const SITE = 'demo-barber-nyc';

test('a staff reply reaches the open chat at once, and the closed chat as an unread badge', async ({ page, browser }, info) => {
  const visitorContext = await browser.newContext({ baseURL: DEMO_URL, locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await visitorContext.newPage();
  const widget = new Widget(phone);
  const { t, w } = widget;
  let n = 0;
  const shot = async (name: string) => {
    const file = info.outputPath(`${String(++n).padStart(2, '0')}-${name}.png`);
    await phone.screenshot({ path: file });
    await info.attach(name, { path: file, contentType: 'image/png' });
  };

  await phone.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.human);
  await widget.say('Is there a free chair at 5 today?');
  await expect(widget.lastBot).toHaveText(w.handoffContact);
  await widget.fillContact({ name: 'Lou Live', email: 'lou@example.com' });
  await widget.consent();
  await widget.submit.click();
  await expect(widget.lastBot).toContainText(/a person will answer/i);
  await shot('waiting-for-a-person');

  // Which hand-off this is: the conversation the widget keeps (id + token), read like the widget does.
  const saved = JSON.parse((await phone.evaluate((k) => localStorage.getItem(k), `frontdesk:${SITE}:conversation`))!) as { id: string; token: string };
  const conv = await call<{ messages: { card?: { kind: string; handoffId?: string } }[] }>(phone.request, 'conversation.get', { conversationId: saved.id, token: saved.token, after: 0 }, false);
  const handoffId = conv.messages.find((m) => m.card?.kind === 'handoff')!.card!.handoffId!;

  // Staff answer from the console (its API, with the session's CSRF token).
  await page.goto(`${BOOKING_URL}/console/#/login`);
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('E-mail').fill(OWNER(SITE));
  await page.getByLabel('Password').fill('frontdesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#page-title')).toHaveText('Calendar');
  const me = (await (await page.request.get(`${BOOKING_URL}/console/trpc/auth.me`)).json()) as { result: { data: { csrfToken: string } } };
  const reply = async (body: string) => {
    const res = await page.request.post(`${BOOKING_URL}/console/trpc/inbox.reply`, { headers: { 'x-csrf-token': me.result.data.csrfToken }, data: { id: handoffId, body } });
    expect(res.ok(), await res.text()).toBe(true);
  };

  await reply('Yes, Marcus is free at 5. Shall I book you?');
  const staff = widget.log.locator('.msg.staff');
  await expect(staff).toContainText('Yes, Marcus is free at 5. Shall I book you?');
  await shot('staff-reply-live');

  // The chat closed: the next reply waits as a badge on the launcher.
  await widget.panel.getByRole('button', { name: t.close }).tap();
  await expect(widget.panel).toBeHidden();
  await reply('See you at 5!');
  await expect(widget.launcher).toHaveAccessibleName('Open chat (1)');
  await expect(widget.host.locator('.badge')).toHaveText('1');
  await shot('unread-badge');
  await widget.launcher.tap();
  await expect(staff.last()).toContainText('See you at 5!');
  await expect(widget.host.locator('.badge')).toBeHidden();

  await widget.say('Thanks!');
  await expect(widget.log.locator('.msg.me').last()).toHaveText('Thanks!');
  // A reload keeps the whole thread, staff replies included.
  await phone.reload();
  await widget.open();
  await expect(staff).toHaveCount(2);
  await expect(widget.log.locator('.msg.me').last()).toHaveText('Thanks!');
  await shot('thread-after-reload');
  await visitorContext.close();
});
