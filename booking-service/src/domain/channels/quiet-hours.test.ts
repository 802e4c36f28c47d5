import { describe, expect, it } from 'vitest';
import { quietUntil } from './quiet-hours.js';

const NY = 'America/New_York';
// 2026-03-03 is EST (UTC−5): local 22:00 = 03:00Z next day.
const at = (iso: string) => Date.parse(iso);

describe('quiet hours', () => {
  it('daytime reminders go at once', () => {
    expect(quietUntil(at('2026-03-03T15:00:00Z'), at('2026-03-04T15:00:00Z'), NY)).toBeNull();
  });

  it('a reminder due at 23:00 local waits for 08:00 local the next morning', () => {
    expect(quietUntil(at('2026-03-04T04:00:00Z'), at('2026-03-04T16:00:00Z'), NY)).toBe(at('2026-03-04T13:00:00Z'));
  });

  it('after midnight it waits for 08:00 the same day', () => {
    expect(quietUntil(at('2026-03-04T07:30:00Z'), at('2026-03-04T16:00:00Z'), NY)).toBe(at('2026-03-04T13:00:00Z'));
  });

  it('an early appointment (before 09:00) is reminded now, at night, rather than too late', () => {
    expect(quietUntil(at('2026-03-04T07:30:00Z'), at('2026-03-04T13:30:00Z'), NY)).toBeNull();
  });

  it('uses the business’s zone: 23:00 in Moscow is quiet, the same instant is 15:00 in New York', () => {
    const instant = at('2026-03-03T20:00:00Z');
    expect(quietUntil(instant, at('2026-03-05T10:00:00Z'), 'Europe/Moscow')).toBe(at('2026-03-04T05:00:00Z'));
    expect(quietUntil(instant, at('2026-03-05T10:00:00Z'), NY)).toBeNull();
  });
});
