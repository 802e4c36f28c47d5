/**
 * The Business page's Privacy field (issue 13: transcripts are kept for a configurable period),
 * as a St Petersburg owner reads it in Russian: the field, its hint, a refused value named beside
 * it, a saved value that stays after a reload. Screenshots and axe in each state.
 */
import { ru } from '../../console/src/i18n/ru';
import { expect, OWNER, test } from '../support/console';

test('the owner sets how long chat transcripts are kept (Business → Privacy), in Russian', async ({ page, desk, check }, info) => {
  test.setTimeout(120_000);
  await desk.signedIn(OWNER('demo-salon-spb'));
  await page.getByLabel('Language').selectOption('ru');
  await expect(desk.heading).toHaveText(ru.nav.calendar);
  await page.getByRole('link', { name: ru.nav.business, exact: true }).click();
  await expect(desk.heading).toHaveText(ru.business.title);

  const privacy = page.getByRole('group', { name: ru.business.privacy });
  const days = privacy.getByLabel(ru.business.retention);
  await expect(days).toHaveValue(/^\d+$/);
  const kept = await days.inputValue();
  await expect(privacy).toContainText(ru.business.retentionHint);
  await privacy.scrollIntoViewIfNeeded();
  await privacy.screenshot({ path: info.outputPath('privacy-ru.png') });
  await check('ru-business-privacy');

  // Too short: refused beside the field, nothing saved.
  await days.fill('3');
  await page.getByRole('button', { name: ru.app.save, exact: true }).click();
  await expect(privacy.getByText(ru.business.retentionBad)).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await privacy.screenshot({ path: info.outputPath('privacy-ru-error.png') });
  await check('ru-business-privacy-error');

  // 90 days: saved, and still there after a reload.
  await days.fill('90');
  await page.getByRole('button', { name: ru.app.save, exact: true }).click();
  await expect(page.getByText(ru.app.saved)).toBeVisible();
  await page.reload();
  await expect(desk.heading).toHaveText(ru.business.title);
  await expect(page.getByRole('group', { name: ru.business.privacy }).getByLabel(ru.business.retention)).toHaveValue('90');

  // Back as it was, for the journeys after this one.
  await page.getByRole('group', { name: ru.business.privacy }).getByLabel(ru.business.retention).fill(kept);
  await page.getByRole('button', { name: ru.app.save, exact: true }).click();
  await expect(page.getByText(ru.app.saved)).toBeVisible();
});
