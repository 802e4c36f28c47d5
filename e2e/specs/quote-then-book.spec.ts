import { expect, test } from '../support/fixtures';
import { Widget } from '../support/widget';

test('a visitor gets a coloring quote (range first, then the final price) and books it', async ({ page, state }) => {
  const widget = new Widget(page, 'ru');
  const { t, w } = widget;
  const quotes: unknown[] = [];
  await page.exposeFunction('onQuote', (d: unknown) => quotes.push(d));
  await page.addInitScript(() => {
    const w = window as unknown as { Frontdesk?: Record<string, unknown>; onQuote: (d: unknown) => void };
    w.Frontdesk = { q: [['on', ['quote', (d: unknown) => w.onQuote(d)]]] };
  });
  await page.goto('/salon-spb/');
  await widget.open();
  await widget.choose(t.intents.prices);
  await expect(widget.lastBot).toHaveText(w.askTree);
  await state('quote-trees');

  await widget.choose('Окрашивание волос');
  await expect(widget.lastBot).toHaveText('Какой длины волосы?');
  await state('quote-question');
  await widget.choose('До плеч');
  await widget.choose('Однотонное');
  // The range, with what moves it, comes before the clarifying question.
  const range = widget.log.locator('.msg', { hasText: 'Ориентировочно' });
  await expect(range).toContainText('Цена зависит от');
  await expect(range).toContainText('₽');
  await expect(widget.lastBot).toHaveText('И последнее: волосы густые?');
  await state('quote-range');

  await widget.choose('Густые');
  await expect(widget.lastBot).toContainText('Ваша цена:');
  await expect(widget.lastBot).toContainText('₽');
  await expect.poll(() => quotes.length).toBe(1);
  await state('quote-final');

  await widget.choose(w.bookThis);
  await expect(widget.lastBot).toHaveText(w.askStaff);
  await widget.choose(w.anyone);
  await widget.slots.first().click();
  await widget.fillContact({ name: 'Ольга', email: 'olga@example.ru' });
  await widget.consent();
  await widget.choose(w.confirmBooking);
  await expect(widget.log).toContainText(w.booked);
  await expect(widget.log.locator('.card')).toContainText('Окрашивание');
  await state('quote-booked');
});
