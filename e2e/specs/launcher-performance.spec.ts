import { expect, test } from '../support/fixtures';

test('the launcher appears without layout shift or a long task, and the greeting does not wait for the network', async ({ page, widget }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number; tasks: [number, number][]; exec?: number; launcher?: number };
    w.shifts = 0;
    w.tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.shifts += (e as unknown as { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    // The loader's first act is defining <frontdesk-widget>; the launcher follows in the same task.
    const define = customElements.define.bind(customElements);
    customElements.define = (name, ...rest) => {
      if (name === 'frontdesk-widget') w.exec ??= performance.now();
      return define(name, ...rest);
    };
    new MutationObserver(() => {
      if (document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector('button')) w.launcher ??= performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/barber-nyc/');
  await expect(widget.launcher).toBeVisible();
  await page.waitForLoadState('networkidle');
  const m = await page.evaluate(() => {
    const w = window as unknown as { shifts: number; tasks: [number, number][]; exec: number; launcher: number };
    return { shifts: w.shifts, exec: w.exec, launcher: w.launcher, tasks: w.tasks };
  });
  expect(m.shifts).toBe(0);
  // No task over 50 ms from the widget's script until its launcher is in place (the panel
  // and its locale data load later, on idle).
  const during = m.tasks.filter(([start, duration]) => start + duration >= m.exec && start <= m.launcher);
  expect(during).toEqual([]);

  // With the panel warmed up on idle, the greeting shows even if the service is now unreachable.
  await page.route('**/trpc/**', (route) => route.abort());
  await widget.open();
  await expect(widget.log.locator('.msg').first()).toBeVisible();
});
