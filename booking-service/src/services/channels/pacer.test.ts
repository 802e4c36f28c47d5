import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer.js';

/** A fixed clock; each sender's wait is recorded instead of slept. */
function pacerAt(now: { t: number }) {
  const waits: number[] = [];
  const pacer = createPacer({ now: () => now.t, sleep: (ms) => (waits.push(ms), Promise.resolve()) });
  return { pacer, waits };
}

describe('Telegram pacing', () => {
  it('a burst of 100 messages to 100 chats: every one scheduled (none dropped), at most 30 in any second', async () => {
    const { pacer, waits } = pacerAt({ t: 0 });
    await Promise.all(Array.from({ length: 100 }, (_, i) => pacer.wait('bot', `chat${i}`)));
    const instants = [...Array<number>(100 - waits.length).fill(0), ...waits].sort((a, b) => a - b);
    expect(instants).toHaveLength(100);
    for (const t of instants) expect(instants.filter((s) => s > t - 1000 && s <= t).length).toBeLessThanOrEqual(30);
    expect(instants.filter((t) => t === 0)).toHaveLength(30);
    expect(instants.at(-1)).toBe(3000);
  });

  it('one chat: one message per second, in order; a quiet chat is not held back', async () => {
    const clock = { t: 0 };
    const { pacer, waits } = pacerAt(clock);
    await Promise.all([pacer.wait('bot', 'c'), pacer.wait('bot', 'c'), pacer.wait('bot', 'c')]);
    expect(waits).toEqual([1000, 2000]);
    await pacer.wait('bot', 'other');
    expect(waits).toEqual([1000, 2000]);
    clock.t = 5000;
    await pacer.wait('bot', 'c');
    expect(waits).toEqual([1000, 2000]);
  });
});
