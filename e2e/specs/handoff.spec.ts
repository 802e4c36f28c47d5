import { expect, test } from '../support/fixtures';

test('"talk to a person": the question in the chat, then a consented contact, and when to expect an answer', async ({ page, widget, state }) => {
  const { t, w } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.human);
  await expect(widget.lastBot).toHaveText(w.handoffAsk);
  await state('handoff-ask');

  await widget.say('Do you do kids cuts on Saturdays?');
  await expect(widget.lastBot).toHaveText(w.handoffContact);
  await state('handoff-form');

  await widget.submit.click();
  await expect(widget.host.getByLabel(t.name, { exact: true })).toBeFocused();
  await expect(widget.host.getByText(w['err.consent'])).toBeVisible();
  await state('handoff-errors');

  await widget.fillContact({ name: 'Ann Lee', email: 'ann@example.com' });
  await widget.consent();
  await expect(widget.submit).toHaveText(w.send);
  await widget.submit.click();
  await expect(widget.lastBot).toContainText(/a person will answer/i);
  await expect(widget.composer).toBeVisible();
  await state('handoff-sent');
});
