import { describe, expect, it } from 'vitest';
import { parseReminderAction, reminderActionId, reminderButtons } from './reminder-actions.js';

const ID = '3f2b8c1e-9a4d-4c2b-8e1f-0a1b2c3d4e5f';

describe('reminder buttons', () => {
  it('round-trips the action and booking, within Telegram’s 64 bytes of callback data', () => {
    for (const action of ['confirm', 'reschedule', 'cancel'] as const) {
      const id = reminderActionId(action, ID);
      expect(new TextEncoder().encode(id).length).toBeLessThanOrEqual(64);
      expect(parseReminderAction(id)).toEqual({ action, bookingId: ID });
    }
  });

  it('anything else is not a reminder action', () => {
    expect(parseReminderAction('o:act:yes')).toBeNull();
    expect(parseReminderAction(`r:xx:${ID}`)).toBeNull();
    expect(parseReminderAction('r:ok:not-a-booking')).toBeNull();
  });

  it('captions fit WhatsApp’s 20 characters in every language', () => {
    for (const lang of ['en', 'ru', 'hy'] as const) {
      const b = reminderButtons(ID, lang);
      expect(b).toHaveLength(2);
      expect(b.every((x) => x.title.length > 0 && x.title.length <= 20)).toBe(true);
      // A re-confirmation request adds Cancel: three buttons, WhatsApp's most.
      const r = reminderButtons(ID, lang, { cancel: true });
      expect(r.map((x) => parseReminderAction(x.id)!.action)).toEqual(['confirm', 'reschedule', 'cancel']);
      expect(r.every((x) => x.title.length > 0 && x.title.length <= 20)).toBe(true);
    }
  });
});
