import { describe, expect, it } from 'vitest';
import { createPacer } from './pacing.js';

describe('per-user pacing', () => {
  it('never lets more than 600 requests out in any minute per user', async () => {
    let t = 0;
    const pacer = createPacer({ now: () => t, sleep: async (ms) => void (t += ms) });
    const times: number[] = [];
    for (let i = 0; i < 1500; i++) {
      await pacer.take('staff-1');
      times.push(t);
    }
    for (let i = 0; i + 600 < times.length; i++) expect(times[i + 600]! - times[i]!).toBeGreaterThanOrEqual(60_000);
    // Another user is not slowed by the first.
    const before = t;
    await pacer.take('staff-2');
    expect(t).toBe(before);
  });
});
