import { Console, expect, OWNER, test } from '../support/console';
import { BOOKING_URL } from '../support/urls';

const SITE = 'demo-barber-nyc';

/**
 * The owner creates an API key (its secret shown once), the key reads the REST API, the owner
 * revokes it and the very next request with it is refused.
 */
test('the owner creates, uses and revokes an API key', async ({ page, desk, check, request }) => {
  await desk.signedIn(OWNER(SITE));
  await desk.go('API keys');
  const create = page.getByRole('region', { name: 'Create a key' });
  // A blank name is named beside its field.
  await create.getByRole('button', { name: 'Create a key' }).click();
  await create.getByLabel('Name').fill('amoCRM');
  await create.getByLabel('Access').selectOption('write');
  await create.getByRole('button', { name: 'Create a key' }).click();
  const secretBox = create.getByRole('status').filter({ hasText: 'Copy this key now' });
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.locator('input').inputValue();
  expect(secret).toMatch(/^fdk_[a-z0-9]{16}_/);
  const row = page.getByRole('row', { name: /amoCRM/ });
  await expect(row).toContainText('Read and write');
  await check('api-keys-created');

  const ok = await request.get(`${BOOKING_URL}/api/v1/services`, { headers: { authorization: `Bearer ${secret}` } });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { items: Array<{ id: string }> }).items.map((s) => s.id)).toContain('barber-haircut');

  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked');
  const refused = await request.get(`${BOOKING_URL}/api/v1/services`, { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['content-type']).toContain('application/problem+json');
  // A reload shows no secret, only the key's public part.
  await page.reload();
  await expect(new Console(page).heading).toHaveText('API keys');
  await expect(page.getByText(secret)).toHaveCount(0);
  await check('api-keys-revoked');
});
