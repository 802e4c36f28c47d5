import { expect, OWNER, test } from '../support/console';
import { DEMO_URL } from '../support/urls';
import { Widget } from '../support/widget';
import type { Lang } from '../support/strings';

/**
 * The SLA clock only runs in the business's opening hours (booking-service seed/demo.ts), so the
 * journey uses a demo business that is open right now. Their hours leave roughly 01:00–05:00 UTC
 * uncovered; then the clock must instead say it is paused and stand still.
 */
const DEMOS: { siteKey: string; path: string; lang: Lang; timeZone: string; hours: Record<number, [string, string]> }[] = [
  { siteKey: 'demo-barber-nyc', path: '/barber-nyc/', lang: 'en', timeZone: 'America/New_York', hours: { 1: ['10:00', '20:00'], 2: ['10:00', '20:00'], 3: ['10:00', '20:00'], 4: ['10:00', '20:00'], 5: ['10:00', '20:00'], 6: ['09:00', '18:00'], 7: ['10:00', '16:00'] } },
  { siteKey: 'demo-salon-spb', path: '/salon-spb/', lang: 'ru', timeZone: 'Europe/Moscow', hours: { 1: ['10:00', '21:00'], 2: ['10:00', '21:00'], 3: ['10:00', '21:00'], 4: ['10:00', '21:00'], 5: ['10:00', '21:00'], 6: ['10:00', '21:00'], 7: ['11:00', '19:00'] } },
  { siteKey: 'demo-clinic-yerevan', path: '/clinic-yerevan/', lang: 'hy', timeZone: 'Asia/Yerevan', hours: { 1: ['09:00', '19:00'], 2: ['09:00', '19:00'], 3: ['09:00', '19:00'], 4: ['09:00', '19:00'], 5: ['09:00', '19:00'], 6: ['10:00', '15:00'] } },
];

/** Open for at least the next 10 minutes (the journey must not straddle closing time). */
function openNow(d: (typeof DEMOS)[number]): boolean {
  const soon = new Date(Date.now() + 10 * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: d.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(soon).map((p) => [p.type, p.value]),
  );
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
  const span = d.hours[day];
  const now = `${parts.hour}:${parts.minute}`;
  return span !== undefined && now >= span[0] && now < span[1];
}

test('a hand-off from the widget appears in the inbox without a reload, its SLA clock runs, staff claim, reply and close it', async ({ page, browser, desk, check }) => {
  const demo = DEMOS.find(openNow);
  const biz = demo ?? DEMOS[0]!;
  const visitor = `Vera Inbox ${Date.now() % 100000}`;

  await desk.signedIn(OWNER(biz.siteKey));
  await desk.go('Inbox');
  await expect(page.getByText(/Updates every 5 s/)).toBeVisible();
  await check('inbox-before');

  // The visitor, in their own browser.
  const visitorContext = await browser.newContext({ baseURL: DEMO_URL, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  const visitorPage = await visitorContext.newPage();
  const widget = new Widget(visitorPage, biz.lang);
  await visitorPage.goto(biz.path);
  await widget.open();
  await widget.choose(widget.t.intents.human);
  await widget.fillContact({ message: 'Can someone call me back about prices?', name: visitor, email: 'vera@example.com' });
  await widget.submit.click();
  await expect(widget.host.getByLabel(widget.t.text)).toBeHidden();
  await visitorContext.close();

  // No reload: the console polls every 5 s.
  const request = page.getByRole('article', { name: visitor });
  await expect(request).toBeVisible({ timeout: 15_000 });
  await expect(request).toContainText('Can someone call me back about prices?');
  const clock = request.locator('.sla');
  const shown = await clock.innerText();
  if (demo) {
    await expect(clock).toContainText(/left/);
    // Ticks every second.
    await expect(clock).not.toHaveText(shown, { timeout: 3_000 });
  } else {
    await expect(clock).toContainText('Paused — outside working hours');
    await page.waitForTimeout(2_000);
    await expect(clock).toHaveText(shown);
  }
  await check('inbox-new-request');

  await request.getByRole('button', { name: 'Claim' }).click();
  await expect(request).toContainText('Claimed by Owner');
  await request.getByRole('button', { name: 'Reply / Close' }).click();
  await request.getByLabel(`Reply to ${visitor} by e-mail`).fill('Hi Vera, we will call you today.');
  await request.getByRole('button', { name: 'Send' }).click();
  await expect(request.getByRole('status').filter({ hasText: 'Reply sent.' })).toBeVisible();
  // The first reply stops the clock.
  await expect(clock).toContainText('Answered');
  await expect(request.getByText('Hi Vera, we will call you today.')).toBeVisible();
  await check('inbox-replied');

  await request.getByLabel('Close as').selectOption('not_interested');
  await request.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(request).toContainText('Not interested');
  await expect(request.locator('.sla')).toHaveCount(0);
});
