import { expect, test } from '../support/fixtures';

test('"talk to a person" sends the message and a contact, and says when to expect an answer', async ({ page, widget, state }) => {
  const { t } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(t.intents.human);
  await expect(widget.lastBot).toHaveText(t.handoff);
  await state('handoff-form');

  await widget.submit.click();
  await expect(widget.host.getByLabel(t.text)).toBeFocused();
  await state('handoff-errors');

  await widget.fillContact({ message: 'Do you do kids cuts on Saturdays?', name: 'Ann Lee', email: 'ann@example.com' });
  await expect(widget.submit).toHaveText(t.send);
  await widget.submit.click();
  await expect(widget.lastBot).toContainText('A person will reply by');
  await state('handoff-sent');
});
