/** "My booking" in the engine: by code in any browser, shown as it is now, changed with an in-chat confirmation. */
import { describe, expect, it } from 'vitest';
import { Chat, demoContext, World } from '../../../test/support/engine-world.js';

/** A world where Ann booked a beard trim elsewhere (another conversation). */
function withBooking() {
  const w = new World(demoContext('demo-barber-nyc'));
  const other = new Chat(w, 'en');
  other.hold('barber-beard', 2);
  other.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
  const booking = [...w.bookings.values()][0]!;
  return { w, booking, c: new Chat(w, 'en') };
}

describe('my booking', () => {
  it('finds a booking by e-mail and a one-time code, showing nothing before the code', () => {
    const { c, booking } = withBooking();
    c.choose('intent:my_booking');
    expect(c.said).toEqual(['Enter the phone number or e-mail you booked with, and I’ll send you a one-time code.']);
    expect(c.prompt).toEqual({ kind: 'contact', fields: ['contact'], consent: { required: false, text: '' }, submit: 'Send code' });
    c.send({ type: 'contact', contact: 'nope', consent: false });
    expect(c.prompt).toMatchObject({ errors: { contact: expect.any(String) } });
    c.send({ type: 'contact', contact: 'Ann@example.com', consent: false });
    expect(c.last[0]).toEqual({ from: 'visitor', text: 'an•••@example.com' });
    expect(c.said[0]).toMatch(/^If there are bookings for this contact, a code is on its way to an•••@example\.com\. .+10 minutes\.$/);
    expect(c.prompt).toMatchObject({ kind: 'code', length: 6, sentTo: 'an•••@example.com', actions: [{ id: 'act:new-code' }, { id: 'act:other-contact' }] });
    expect(c.transcript.some((m) => m.card)).toBe(false);
    c.send({ type: 'code', code: '000000' });
    expect(c.said).toEqual(['That code doesn’t match. 4 attempts left.']);
    expect(c.transcript.some((m) => m.card)).toBe(false);
    expect(c.last[0]).toEqual({ from: 'visitor', text: '••••••' });
    c.text('123456');
    expect(c.said).toEqual(['Here is your booking:']);
    expect(c.last.at(-1)?.card).toMatchObject({ kind: 'booking', bookingId: booking.id, status: 'confirmed' });
    expect(c.transcript.map((m) => m.text)).not.toContain('123456');
  });

  it('shows the booking as it is now: cancelled elsewhere, it says so and offers to book again', () => {
    const { c, w, booking } = withBooking();
    c.choose('intent:my_booking');
    c.send({ type: 'contact', contact: 'ann@example.com', consent: false });
    c.send({ type: 'code', code: '123456' });
    expect(c.prompt).toMatchObject({ kind: 'choice', options: [{ id: 'act:reschedule' }, { id: 'act:cancel' }] });
    // Cancelled by staff in the console meanwhile.
    w.bookings.get(booking.id)!.status = 'cancelled';
    c.choose('act:cancel');
    expect(c.said[0]).toMatch(/^Cancel your booking for .+\?$/);
    expect(c.prompt).toMatchObject({ kind: 'confirm', yes: { id: 'act:yes', label: 'Yes, cancel it' }, no: { id: 'act:no', label: 'No, keep it' } });
    c.choose('act:yes');
    expect(c.said).toEqual(['This booking is already cancelled.', 'Here is your booking:']);
    expect(c.last.at(-1)?.card).toMatchObject({ kind: 'booking', status: 'cancelled' });
    expect(c.prompt).toMatchObject({ kind: 'choice', options: [{ id: 'act:rebook', label: 'Book again' }] });
    c.choose('act:rebook');
    expect(c.state.booking?.serviceId).toBe('barber-beard');
  });

  it('cancels after the in-chat confirmation ("no" keeps it)', () => {
    const { c, w, booking } = withBooking();
    c.choose('intent:my_booking');
    c.send({ type: 'contact', contact: 'ann@example.com', consent: false });
    c.send({ type: 'code', code: '123456' });
    c.choose('act:cancel');
    c.choose('act:no');
    expect(c.said[0]).toBe('OK, your booking stays as it is.');
    expect(w.bookings.get(booking.id)!.status).toBe('confirmed');
    c.choose('act:cancel');
    c.text('yes');
    expect(c.said[0]).toBe('Your booking is cancelled.');
    expect(w.bookings.get(booking.id)!.status).toBe('cancelled');
  });

  it('reschedules: free times for the same specialist (the booking’s own time does not block them), then a confirmation', () => {
    const { c, w, booking } = withBooking();
    c.choose('intent:my_booking');
    c.send({ type: 'contact', contact: 'ann@example.com', consent: false });
    c.send({ type: 'code', code: '123456' });
    c.choose('act:reschedule');
    expect(w.effects.at(-1)).toMatchObject({ kind: 'findSlots', serviceId: 'barber-beard', staffId: booking.staffId, excludeBookingId: booking.id });
    const p = c.slots();
    c.choose(p.slots[1]!.id);
    expect(c.said[0]).toMatch(/^Move your booking to .+\? It is now at .+\.$/);
    c.choose('act:yes');
    expect(c.said[0]).toMatch(/^Done: your booking is moved to .+\.$/);
    expect(w.bookings.get(booking.id)!.start).toBe(Date.parse(p.slots[1]!.start));
  });

  it('a booking made in this conversation needs no code', () => {
    const w = new World(demoContext('demo-barber-nyc'));
    const c = new Chat(w, 'en');
    c.hold('barber-beard');
    c.send({ type: 'contact', name: 'Ann', contact: 'ann@example.com', consent: true });
    c.choose('intent:my_booking');
    expect(c.said).toEqual(['Here is your booking:']);
  });

  it('a manage link opens its booking; a bad one offers the lookup', () => {
    const { c, booking } = withBooking();
    c.send({ type: 'start', flow: 'manage', manageToken: booking.manageToken });
    expect(c.last.at(-1)?.card).toMatchObject({ bookingId: booking.id });
    expect(c.state.manage.linked).toEqual([booking.id]);
    const d = new Chat(c.world, 'en');
    d.send({ type: 'start', flow: 'manage', manageToken: 'mt-nope' });
    expect(d.said).toEqual(['This link is not valid or has expired. I can find your booking by phone or e-mail instead.']);
    expect(d.prompt).toMatchObject({ kind: 'contact', fields: ['contact'] });
  });

  it('a phone with no e-mail on file cannot get a code, and says what to do instead', () => {
    const { c } = withBooking();
    c.choose('intent:my_booking');
    c.text('+1 212 555 0199');
    expect(c.said).toEqual(['I can’t send a code for this phone number. Please enter the e-mail you booked with, or open the link from your confirmation.']);
    expect(c.state.step.at).toBe('lookup');
    expect(c.last[0]).toEqual({ from: 'visitor', text: '+1 •••• ••99' });
  });
});
