import { describe, expect, it } from 'vitest';
import { createPacer } from './pacing.js';
import { maxInAnyMinute, sendTimes } from '../../../test/support/pacing.js';

describe('per-user pacing (in memory)', () => {
  it('never lets more than 600 requests out in any minute per user; other users are not slowed', async () => {
    const clock = { t: 0 };
    const pacer = createPacer({ now: () => clock.t, sleep: async (ms) => void (clock.t += ms) });
    const times = await sendTimes([pacer], 1500, clock);
    expect(maxInAnyMinute(times)).toBeLessThanOrEqual(600);
    expect(maxInAnyMinute(times)).toBeGreaterThan(590);
    const before = clock.t;
    await pacer.take('staff-2');
    expect(clock.t).toBe(before);
  });
});
