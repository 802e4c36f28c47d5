import { expect, OWNER, test } from '../support/console';
import type { Page } from '@playwright/test';
import { BOOKING_URL, DEMO_URL } from '../support/urls';
import { Widget } from '../support/widget';

/**
 * The SLA clock only runs in the business's opening hours. So that both of its states are seen
 * on every run, whatever the hour, the journey sets the barber's opening hours through the
 * console API: open around the clock while the request arrives (the clock runs), then no hours
 * at all (the clock is paused and stands still). The console's timers run on Playwright's clock,
 * moved by the test, never on the wall clock.
 */
const SITE = 'demo-barber-nyc';
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const OPEN_ALL_WEEK = { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY };

/** The signed-in owner's business, through the console API (same cookie, CSRF header). */
async function consoleApi(page: Page) {
  const me = (await (await page.request.get(`${BOOKING_URL}/console/trpc/auth.me`)).json()) as { result: { data: { csrfToken: string } } };
  const headers = { 'x-csrf-token': me.result.data.csrfToken };
  return {
    async openingHours(): Promise<unknown> {
      const got = (await (await page.request.get(`${BOOKING_URL}/console/trpc/business.get`)).json()) as { result: { data: { openingHours: unknown } } };
      return got.result.data.openingHours;
    },
    async setOpeningHours(openingHours: unknown): Promise<void> {
      const res = await page.request.post(`${BOOKING_URL}/console/trpc/business.update`, { headers, data: { openingHours } });
      expect(res.ok(), await res.text()).toBe(true);
    },
  };
}

test('a hand-off from the widget appears in the inbox without a reload, its SLA clock runs and pauses, staff claim, reply and close it', async ({ page, browser, desk, check }) => {
  const visitor = 'Vera Inbox';
  await page.clock.install();

  await desk.signedIn(OWNER(SITE));
  const api = await consoleApi(page);
  const usualHours = await api.openingHours();
  await api.setOpeningHours(OPEN_ALL_WEEK);
  try {
    await desk.go('Inbox');
    await expect(page.getByText(/Updates every 5 s/)).toBeVisible();
    await check('inbox-before');

    // The visitor, in their own browser.
    const visitorContext = await browser.newContext({ baseURL: DEMO_URL, locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const visitorPage = await visitorContext.newPage();
    const widget = new Widget(visitorPage, 'en');
    await visitorPage.goto('/barber-nyc/');
    await widget.open();
    await widget.choose(widget.t.intents.human);
    await widget.say('Can someone call me back about prices?');
    await expect(widget.lastBot).toHaveText(widget.w.handoffContact);
    await widget.fillContact({ name: visitor, email: 'vera@example.com' });
    await widget.consent();
    await widget.submit.click();
    await expect(widget.host.getByLabel(widget.t.name, { exact: true })).toBeHidden();
    await visitorContext.close();

    // No reload: the console polls every 5 s (of the page's clock).
    const request = page.getByRole('article', { name: visitor }).first();
    await expect(async () => {
      await page.clock.runFor(5_000);
      await expect(request).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(request).toContainText('Can someone call me back about prices?');

    // Open now: the clock runs, a second at a time.
    const clock = request.locator('.sla');
    await expect(clock).toContainText(/left/);
    const running = await clock.innerText();
    await page.clock.runFor(2_000);
    await expect(clock).not.toHaveText(running);
    await check('inbox-new-request');

    // Closed (no opening hours): at the next poll the clock says so and stands still.
    await api.setOpeningHours({});
    await page.clock.runFor(5_000);
    await expect(clock).toContainText('Paused — outside working hours');
    const paused = await clock.innerText();
    await page.clock.runFor(3_000);
    await expect(clock).toHaveText(paused);
    await check('inbox-paused');
  } finally {
    await api.setOpeningHours(usualHours);
  }
  const request = page.getByRole('article', { name: visitor }).first();
  const clock = request.locator('.sla');

  await request.getByRole('button', { name: 'Claim' }).click();
  await expect(request).toContainText('Claimed by Jordan Reyes');
  await request.getByRole('button', { name: 'Reply / Close' }).click();
  // A chat hand-off: the reply goes into the conversation (the live thread shows it).
  await request.getByLabel(`Reply to ${visitor}`, { exact: true }).fill('Hi Vera, we will call you today.');
  await request.getByRole('button', { name: 'Send' }).click();
  await expect(request.locator('.msg.from-staff')).toContainText('Hi Vera, we will call you today.');
  // The first reply stops the clock.
  await expect(clock).toContainText('Answered');
  await expect(request.getByText('Hi Vera, we will call you today.')).toBeVisible();
  await check('inbox-replied');

  await request.getByLabel('Close as').selectOption('not_interested');
  await request.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(request).toContainText('Not interested');
  await expect(request.locator('.sla')).toHaveCount(0);
});
