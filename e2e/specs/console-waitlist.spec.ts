/**
 * The console's Waiting list (issue 17), as a St Petersburg owner reads it in Russian: a visitor
 * who found no time that suits joins the list in the chat (driven through the conversation API,
 * what the widget sends); the owner sees who waits for what — service, staff or anyone, days and
 * part of the day, since when, state — and removes the entry after being asked. Screenshot + axe.
 */
import type { APIRequestContext } from '@playwright/test';
import { ru } from '../../console/src/i18n/ru';
import { expect, OWNER, test } from '../support/console';
import { BOOKING_URL, DEMO_URL } from '../support/urls';

const SITE = 'demo-salon-spb';

interface View {
  conversationId: string;
  token: string;
  seq: number;
  prompt: { kind: string; options?: Array<{ id: string }>; actions?: Array<{ id: string }> };
}

async function say(request: APIRequestContext, body: Record<string, unknown>): Promise<View> {
  const res = await request.post(`${BOOKING_URL}/trpc/conversation.send`, { headers: { origin: DEMO_URL }, data: { siteKey: SITE, lang: 'ru', ...body } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { result: { data: View } }).result.data;
}

test('a visitor joins the waiting list in the chat; the owner sees the entry in Russian and removes it', async ({ page, desk, check }, info) => {
  test.setTimeout(120_000);
  const name = `Ирина Ждёт ${Date.now() % 100000}`;
  let v = await say(page.request, { after: 0, event: { type: 'choose', optionId: 'intent:book' } });
  const next = (optionId: string) => say(page.request, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'choose', optionId } });
  v = await next('svc:salon-manicure');
  const staff = v.prompt.options?.find((o) => o.id.startsWith('staff:'));
  if (staff) v = await next(staff.id);
  expect([...(v.prompt.options ?? []), ...(v.prompt.actions ?? [])].map((o) => o.id)).toContain('waitlist:join');
  v = await next('waitlist:join');
  v = await next('wl:days:7');
  v = await next('wl:part:evening');
  expect(v.prompt.kind).toBe('contact');
  v = await say(page.request, { conversationId: v.conversationId, token: v.token, after: v.seq, event: { type: 'contact', name, contact: 'irina.waits@example.com', consent: true } });

  await desk.signedIn(OWNER(SITE));
  await page.getByLabel('Language').selectOption('ru');
  await expect(desk.heading).toHaveText(ru.nav.calendar);
  await page.getByRole('link', { name: ru.waitlist.nav, exact: true }).click();
  await expect(desk.heading).toHaveText(ru.waitlist.title);

  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
  await expect(row).toContainText('Маникюр с покрытием');
  await expect(row).toContainText(ru.waitlist.parts.evening);
  await expect(row).toContainText(ru.waitlist.states.waiting);
  await page.screenshot({ path: info.outputPath('waitlist-ru.png'), fullPage: true });
  await check('ru-waitlist');

  // Remove asks first, saying what happens; then the entry reads "removed".
  await row.getByRole('button', { name: `Удалить: ${name}` }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText(ru.waitlist.confirmText);
  await page.screenshot({ path: info.outputPath('waitlist-ru-confirm.png'), fullPage: true });
  await check('ru-waitlist-confirm');
  await ask.getByRole('button', { name: ru.waitlist.confirmYes }).click();
  await expect(row).toContainText(ru.waitlist.states.removed);
  await expect(row.getByRole('button', { name: `Удалить: ${name}` })).toHaveCount(0);
});
