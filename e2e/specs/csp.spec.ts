import { expect, test } from '../support/fixtures';

test('works under a strict CSP: scripts from the booking host only, no inline styles', async ({ page, widget, state }) => {
  const { t, w } = widget;
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/fixtures/csp.html');
  expect(response!.headers()['content-security-policy']).toContain("style-src 'self'");

  await expect(widget.launcher).toBeVisible();
  // Constructable stylesheets applied: the launcher has the brand colour, not a default button look.
  expect(await widget.launcher.evaluate((e) => getComputedStyle(e).borderRadius)).toBe('50%');
  await widget.open();
  await widget.choose(t.intents.book);
  await widget.chooseService('Haircut');
  await widget.choose(w.anyone);
  await expect(widget.slots).toHaveCount(3);
  await state('csp-slots');
  expect(violations).toEqual([]);
});
