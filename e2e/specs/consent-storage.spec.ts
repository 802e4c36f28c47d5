import { expect, test } from '../support/fixtures';

test('no contact detail reaches localStorage, sessionStorage or cookies before consent', async ({ page, context, widget, state }) => {
  const { t, w } = widget;
  const secrets = ['Ann Lee', 'ann.lee@example.com', '212 555 0177', '2125550177'];
  const kept = async () => JSON.stringify({
    page: await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })),
    cookies: await context.cookies(),
  });

  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.human);
  await expect(widget.lastBot).toHaveText(w.handoffAsk);
  // Contact details typed into the chat before any consent.
  await widget.say('Please call Ann Lee at +1 212 555 0177 or write to ann.lee@example.com');
  await expect(widget.lastBot).toHaveText(w.handoffContact);
  await widget.fillContact({ name: 'Ann Lee', email: 'ann.lee@example.com' });
  await widget.submit.click();
  await expect(widget.host.getByText(w['err.consent'])).toBeVisible();
  await state('contact-refused-without-consent');

  const before = await kept();
  for (const s of secrets) expect(before).not.toContain(s);
  // The one thing kept: which server-held conversation is this visitor's.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys).toEqual(['frontdesk:demo-barber-nyc:conversation']);
  expect(Object.keys(JSON.parse((await page.evaluate(() => localStorage.getItem('frontdesk:demo-barber-nyc:conversation')))!) as object).sort()).toEqual(['id', 'token']);

  // Even after consent, the browser keeps no contact detail: the server holds them.
  await widget.consent();
  await widget.submit.click();
  await expect(widget.lastBot).toContainText(/a person will answer/i);
  const after = await kept();
  for (const s of secrets) expect(after).not.toContain(s);
});
