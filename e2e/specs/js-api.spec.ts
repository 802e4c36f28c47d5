import { expect, test } from '../support/fixtures';

type Events = [string, Record<string, unknown>][];

test('calls made before the script loads are kept, and the JS API drives the widget', async ({ page, widget }) => {
  const { w } = widget;
  await page.goto('/fixtures/queue.html?open');
  // Frontdesk.open() was queued by the page before widget.js arrived.
  await expect(widget.panel).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { events: Events }).events.map((e) => e[0]))).toEqual(['ready', 'open']);

  await page.evaluate(() => (window as unknown as { Frontdesk: { close(): void } }).Frontdesk.close());
  await expect(widget.panel).toBeHidden();
  await page.getByRole('button', { name: 'Book a beard trim' }).click();
  await expect(widget.panel).toBeVisible();
  await expect(widget.lastBot).toHaveText(w.askStaff);
  await expect(widget.button(w.anyone)).toBeVisible();
  const events = await page.evaluate(() => (window as unknown as { events: Events }).events);
  expect(events.map((e) => e[0])).toEqual(['ready', 'open', 'close', 'open']);
  expect(events[0]![1]).toEqual({ site: 'demo-barber-nyc' });
});
