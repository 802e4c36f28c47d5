import { nearestSlots } from '../support/api';
import { expect, OWNER, test } from '../support/console';
import { Widget } from '../support/widget';

const SITE = 'demo-barber-nyc';
const TZ = 'America/New_York';
/** The business-local day of an instant, 'YYYY-MM-DD'. */
const dayOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(iso));
/** How the widget's day strip names a day in English (widget/src/i18n/index.ts, `day`). */
const chipLabel = (d: string) => new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));

/**
 * Issue 11, "a day the owner closes offers no slots": the owner adds a closed day on the Business
 * page; the widget then opens on another day and offers no time on that one.
 */
test('the owner closes a day on the Business page and the widget offers no time that day', async ({ page, request, desk, check, state }) => {
  // A whole day with free times (the second one that has any: today may be half over).
  const free = await nearestSlots(request, SITE, 'barber-haircut', dayOf(new Date().toISOString()));
  const days = [...new Set(free.map((s) => dayOf(s.start)))];
  const closed = days[1] ?? days[0]!;

  await desk.open();
  await desk.signIn(OWNER(SITE));
  await expect(desk.heading).toHaveText('Calendar');
  await desk.go('Business', 'Business settings');
  const editor = page.getByRole('group', { name: 'Closed days', exact: true });
  await expect(editor).toContainText('clients are offered no time on these days');
  await editor.getByRole('button', { name: 'Add closed days' }).click();
  const row = editor.getByRole('group', { name: /^Closed days \d+$/ }).last();
  await row.getByLabel('From').fill(closed);
  await expect(row.getByLabel('To (included)')).toHaveValue(closed);
  await row.getByLabel('Note (only you see it)').fill('Staff training');
  await desk.button('Save').click();
  await expect(desk.status.filter({ hasText: 'Saved.' })).toBeVisible();
  await check('business-closed-day');

  // No free time that day, for anyone asking.
  expect((await nearestSlots(request, SITE, 'barber-haircut', closed)).filter((s) => dayOf(s.start) === closed)).toEqual([]);

  // The widget, on the business's site: it opens on another day, and the closed one has nothing.
  const widget = new Widget(page);
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.choose(widget.t.intents.book);
  await widget.chooseService('Haircut');
  await widget.anyoneIfAsked();
  await expect(widget.slots.first()).toBeVisible();
  const strip = widget.panel.getByRole('group', { name: widget.t.day });
  // No offered time is on the closed day (times across days carry their date).
  await expect(widget.slots.filter({ hasText: chipLabel(closed) })).toHaveCount(0);
  // The day strip skips it: the days around it are offered, it is not.
  await expect(strip.getByRole('button').first()).toBeVisible();
  await expect(strip.getByRole('button', { name: chipLabel(closed), exact: true })).toHaveCount(0);
  await state('widget-after-closed-day');
});
