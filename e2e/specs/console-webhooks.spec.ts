import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, OWNER, test } from '../support/console';

const SITE = 'demo-clinic-yerevan';

/**
 * The owner adds a webhook endpoint (a receiver on loopback, allowed in the demo), sends a test
 * event, reads it in the delivery log (status, response code, attempts, payload) and resends it:
 * the receiver gets the same webhook-id twice, signed.
 */
test('the owner adds a webhook endpoint, sends a test event and resends it from the log', async ({ page, desk, check }) => {
  const got: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  try {
    await desk.signedIn(OWNER(SITE));
    await desk.go('Webhooks');
    const add = page.getByRole('region', { name: 'Add an endpoint' });
    await add.getByLabel('URL').fill(url);
    await add.getByLabel('New lead (lead.created)').check();
    await add.getByRole('button', { name: 'Add an endpoint' }).click();
    const ep = page.getByRole('region', { name: url });
    await expect(ep).toBeVisible();
    await expect(ep.getByLabel('Booking made (booking.created)')).toBeChecked();
    await expect(ep.getByLabel('New lead (lead.created)')).toBeChecked();

    await ep.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(() => got.length, { timeout: 15_000 }).toBe(1);
    expect(got[0]!.headers['webhook-signature']).toMatch(/^v1,/);
    expect(JSON.parse(got[0]!.body)).toMatchObject({ type: 'webhook.test' });
    const row = ep.getByRole('row', { name: /Test event/ });
    await expect(async () => {
      await ep.getByRole('button', { name: 'Refresh' }).click();
      await expect(row).toContainText('Delivered', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(row).toContainText('204');
    await row.getByText('Payload').click();
    await expect(row.getByText(`webhook-id: ${String(got[0]!.headers['webhook-id'])}`)).toBeVisible();
    await ep.getByRole('button', { name: 'Show the secret' }).click();
    await expect(ep.getByLabel('Signing secret')).toHaveValue(/^whsec_/);
    await check('webhooks-delivered');

    await row.getByRole('button', { name: 'Resend' }).click();
    await expect.poll(() => got.length, { timeout: 15_000 }).toBe(2);
    expect(got[1]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
