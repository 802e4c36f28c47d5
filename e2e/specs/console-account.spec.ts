import type { Page } from '@playwright/test';
import { expect, OWNER, test } from '../support/console';
import { BOOKING_URL } from '../support/urls';

/** The console link in the newest demo-mailbox message to `to` (mail goes out from a job, so poll). */
async function linkFromMailbox(page: Page, to: string, subject: RegExp, hashPath: string): Promise<string> {
  await page.goto(`${BOOKING_URL}/mailbox`);
  const row = page.getByRole('row').filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole('link').click();
  const body = await page.frameLocator('iframe[title="Message"]').locator('body').innerText();
  const url = body.match(new RegExp(`https?://\\S+/console/#${hashPath.replace('?', '\\?')}\\S+`))?.[0];
  expect(url, `a ${hashPath} link in the message`).toBeTruthy();
  return url!;
}

test('an invited team member sets a password, signs in, and later resets it by e-mail', async ({ page, desk, check }) => {
  const email = `new.barber.${Date.now() % 100000}@example.com`;
  await desk.signedIn(OWNER('demo-barber-nyc'));
  await desk.go('Staff');
  const invite = page.getByRole('region', { name: 'Invite by e-mail' });
  await invite.getByLabel('E-mail').fill(email);
  await invite.getByLabel('Name').fill('Nina New');
  await invite.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(invite.getByRole('status')).toHaveText('Invitation sent.');
  await desk.button('Sign out').click();
  await expect(desk.heading).toHaveText('Sign in');

  // The invitation link, as the new colleague gets it.
  const inviteUrl = await linkFromMailbox(page, email, /invit/i, '/invite?token=');
  await page.goto(inviteUrl);
  await expect(desk.heading).toHaveText('Join your team');
  await page.getByLabel('New password').fill('short');
  await desk.button('Create my account').click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await check('invite-errors');
  await page.getByLabel('New password').fill('a long first password');
  await desk.button('Create my account').click();
  await expect(desk.heading).toHaveText('Calendar');
  await expect(page.getByText('Signed in as Nina New')).toBeVisible();
  // No staff member linked: no "My hours"; a staff role: no owner settings.
  await expect(desk.nav.getByRole('link', { name: 'Business' })).toHaveCount(0);
  await desk.button('Sign out').click();

  // Forgotten password.
  await desk.page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(desk.heading).toHaveText('Reset your password');
  await page.getByLabel('E-mail').fill(email);
  await desk.button('Send the link').click();
  await expect(desk.status).toHaveText('If an account exists for this address, a link is on its way. Check your mailbox.');
  await check('forgot');

  // A forged link is refused in words.
  await desk.open('/reset?token=not-a-real-token');
  await page.getByLabel('New password').fill('another long password');
  await desk.button('Set the password').click();
  await expect(desk.alert).toHaveText(/This link (is not valid|has expired)/);
  await check('reset-invalid');

  const resetUrl = await linkFromMailbox(page, email, /password/i, '/reset?token=');
  await page.goto(resetUrl);
  await page.getByLabel('New password').fill('the second password');
  await desk.button('Set the password').click();
  await expect(desk.status).toHaveText('Your password has been changed. You can sign in now.');
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await desk.signIn(email, 'the second password');
  await expect(desk.heading).toHaveText('Calendar');
});
