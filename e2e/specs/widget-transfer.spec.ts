/**
 * The widget's byte budget as a real browser pays it: every byte of the widget's own files that
 * Chromium receives (encoded body, as on the wire) from the booking service, from the page load
 * until the greeting shows in the largest language (Armenian, the clinic's site). The service
 * must send them compressed with `Vary: Accept-Encoding`; budget 20 KB in all, launcher ≤ 6 KB
 * (the same figures as `npm run size -w @frontdesk/widget`, which checks the built variants).
 */
import type { Response } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { BOOKING_URL } from '../support/urls';
import { Widget } from '../support/widget';

const KB = 1024;

test("the widget's files arrive compressed and within the 20 KB budget", async ({ page }, info) => {
  const widget = new Widget(page, 'hy');
  const files: Array<{ url: string; encoding: string | undefined; vary: string | undefined; body: number; headers: number }> = [];
  const pending: Array<Promise<void>> = [];
  const isWidgetFile = (r: Response) => r.url().startsWith(BOOKING_URL) && /\/(widget\.js|w\/[^?]+\.js)(\?|$)/.test(r.url());
  page.on('response', (r) => {
    if (!isWidgetFile(r)) return;
    pending.push(
      (async () => {
        const [sizes, headers] = await Promise.all([r.request().sizes(), r.allHeaders()]);
        files.push({ url: r.url().slice(BOOKING_URL.length), encoding: headers['content-encoding'], vary: headers.vary, body: sizes.responseBodySize, headers: sizes.responseHeadersSize });
      })(),
    );
  });

  await page.goto('/clinic-yerevan/');
  await expect(widget.launcher).toBeVisible();
  await widget.open();
  await expect(widget.log.locator('.msg').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);

  const launcher = files.find((f) => f.url.startsWith('/widget.js'));
  expect(launcher, 'widget.js fetched').toBeDefined();
  expect(files.filter((f) => f.url.startsWith('/w/')).length, 'panel and strings chunks fetched').toBeGreaterThanOrEqual(2);
  for (const f of files) {
    expect(['br', 'gzip'], `${f.url} content-encoding`).toContain(f.encoding);
    expect(f.vary, `${f.url} vary`).toMatch(/accept-encoding/i);
  }
  const body = files.reduce((n, f) => n + f.body, 0);
  const withHeaders = files.reduce((n, f) => n + f.body + f.headers, 0);
  const table = files.map((f) => `${f.url}  ${f.encoding}  ${(f.body / KB).toFixed(2)} KB`).join('\n');
  await info.attach('transferred.txt', { body: `${table}\nbodies ${(body / KB).toFixed(2)} KB, with headers ${(withHeaders / KB).toFixed(2)} KB\n`, contentType: 'text/plain' });
  console.log(`${table}\nwidget transferred: bodies ${(body / KB).toFixed(2)} KB, with response headers ${(withHeaders / KB).toFixed(2)} KB`);
  expect(launcher!.body).toBeLessThanOrEqual(6 * KB);
  expect(body).toBeLessThanOrEqual(20 * KB);
});
