import { expect, test } from '../support/fixtures';

test.use({ viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('on a 320 px phone the panel is full-screen, nothing is cut, inputs do not zoom, targets are ≥ 24 px', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await widget.launcher.tap();
  await expect(widget.panel).toBeVisible();
  const box = (await widget.panel.boundingBox())!;
  expect(box).toMatchObject({ x: 0, y: 0, width: 320, height: 568 });
  await state('mobile-greeting');

  const checkLayout = async () => {
    // No horizontal overflow anywhere in the panel, and every control at least 24×24 CSS px.
    const report = await widget.host.evaluate((host) => {
      const root = host.shadowRoot!;
      const overflow = [...root.querySelectorAll<HTMLElement>('.body, .msg, .step, header')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className || e.tagName);
      const small = [...root.querySelectorAll<HTMLElement>('button, input, a, textarea')]
        .map((e) => [e, e.getBoundingClientRect()] as const)
        .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
        .map(([e]) => e.outerHTML.slice(0, 60));
      const fonts = [...root.querySelectorAll<HTMLElement>('input:not([type=checkbox]), textarea')].map((e) => parseFloat(getComputedStyle(e).fontSize));
      return { overflow, small, fonts };
    });
    expect(report.overflow).toEqual([]);
    expect(report.small).toEqual([]);
    for (const size of report.fonts) expect(size).toBeGreaterThanOrEqual(16);
  };
  await checkLayout();

  await widget.button(t.intents.book).tap();
  await widget.host.getByRole('button', { name: /^Haircut \$/ }).tap();
  await widget.button(w.anyone).tap();
  await expect(widget.slots).toHaveCount(3);
  await checkLayout();
  await state('mobile-slots');

  await widget.slots.first().tap();
  await expect(widget.host.getByLabel(t.name, { exact: true })).toBeVisible();
  await checkLayout();
  await state('mobile-contact');
  await widget.fillContact({ name: 'Ann Lee', phone: '+1 212 555 0100' });
  await widget.host.getByRole('checkbox', { name: w.consentBook }).tap();
  await widget.button(w.confirmBooking).tap();
  await expect(widget.log).toContainText(w.booked);
  await checkLayout();
  await state('mobile-confirmation');

  await widget.panel.getByRole('button', { name: t.close }).tap();
  await expect(widget.panel).toBeHidden();
});
