import { describe, expect, it } from 'vitest';
import { confirmationState, isReconfirmation, reconfirmLead, sentReminderLead } from './reconfirm.js';

describe('re-confirmation', () => {
  it('is the shortest reminder, for a client who has not confirmed', () => {
    expect(reconfirmLead([1440, 120])).toBe(120);
    expect(reconfirmLead([120, 1440, 0, -5, 1.5])).toBe(120);
    expect(reconfirmLead([])).toBeNull();
    expect(isReconfirmation(120, [1440, 120], false, [1440])).toBe(true);
    expect(isReconfirmation(1440, [1440, 120], false, [])).toBe(false);
    expect(isReconfirmation(120, [1440, 120], true, [1440])).toBe(false);
    expect(isReconfirmation(undefined, [1440, 120], false, [1440])).toBe(false);
  });

  it('is only "once more": never asked before (booked 3 h ahead, first reminder missed), it is the plain reminder', () => {
    expect(isReconfirmation(120, [1440, 120], false, [])).toBe(false);
    expect(isReconfirmation(720, [720], false, [])).toBe(false);
    expect(sentReminderLead('reminder_1440')).toBe(1440);
    expect(sentReminderLead('sms:reminder_120')).toBe(120);
    expect(sentReminderLead('booking_confirmed')).toBeNull();
  });

  it('names the state staff see: confirmed, not yet, no answer after the second ask', () => {
    expect(confirmationState(true, true)).toBe('confirmed');
    expect(confirmationState(false, false)).toBe('pending');
    expect(confirmationState(false, true)).toBe('no_answer');
  });
});
