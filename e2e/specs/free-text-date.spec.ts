import { expect, test } from '../support/fixtures';
import { nearestSlots } from '../support/api';
import { Widget } from '../support/widget';

/** Tomorrow in the business's zone, as 'YYYY-MM-DD'. */
function tomorrow(timeZone: string): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
const localMinute = (iso: string, timeZone: string) => {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)).split(':');
  return +h! * 60 + +m!;
};

test('"tomorrow after 5pm" jumps to slots from 17:00 tomorrow (business time)', async ({ page, request, widget, state }) => {
  const { w } = widget;
  await page.goto('/barber-nyc/');
  await widget.open();
  await widget.say('Can I come in tomorrow after 5pm?');
  await expect(widget.lastBot).toHaveText(w.askService);
  await widget.chooseService('Haircut');
  await widget.choose(w.anyone);
  await expect(widget.slots).toHaveCount(3);
  await state('slots-near-asked-time');

  const tz = 'America/New_York';
  const day = tomorrow(tz);
  const all = await nearestSlots(request, 'demo-barber-nyc', 'barber-haircut', day);
  const expected = all.filter((s) => s.start.length && new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date(s.start)) === day && localMinute(s.start, tz) >= 17 * 60);
  const first = await widget.slots.first().innerText();
  const when = (iso: string) => new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: tz }).format(new Date(iso));
  // The nearest slot at or after 17:00 tomorrow; if tomorrow has none, the next day's first.
  expect(first).toContain(when((expected[0] ?? all.find((s) => s.start > `${day}T23`))!.start));
});

test('"можно завтра в 15:00?" jumps to the slots closest to 15:00 tomorrow', async ({ page, request, state }) => {
  const widget = new Widget(page, 'ru');
  await page.goto('/salon-spb/');
  await widget.open();
  await widget.say('можно завтра в 15:00?');
  await expect(widget.lastBot).toHaveText(widget.w.askService);
  await widget.chooseService('Мужская стрижка');
  await widget.anyoneIfAsked();
  await expect(widget.slots).toHaveCount(3);
  await state('ru-slots-near-15');

  const tz = 'Europe/Moscow';
  const day = tomorrow(tz);
  const all = (await nearestSlots(request, 'demo-salon-spb', 'salon-haircut-men', day)).filter(
    (s) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date(s.start)) === day,
  );
  test.skip(all.length === 0, 'the salon has no free slot tomorrow');
  const best = [...all].sort((a, b) => Math.abs(localMinute(a.start, tz) - 900) - Math.abs(localMinute(b.start, tz) - 900))[0]!;
  const time = new Intl.DateTimeFormat('ru', { hour: 'numeric', minute: '2-digit', timeZone: tz }).format(new Date(best.start));
  await expect(widget.slots.first()).toContainText(time);
});
