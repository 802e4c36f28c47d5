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

/** The instant each send was given, in call order (the clock stands at 0; the reservation happens in the call). */
function instantsOf(o: Omit<Parameters<typeof createPacer>[0], 'now' | 'sleep'>, calls: Array<[string, string]>): number[] {
  const waits: number[] = [];
  const pacer = createPacer({ ...o, now: () => 0, sleep: (ms) => (waits.push(ms), Promise.resolve()) });
  return calls.map(([bot, chat]) => {
    const n = waits.length;
    void pacer.wait(bot, chat);
    return waits.length > n ? waits.at(-1)! : 0;
  });
}

const atMostPerWindow = (instants: number[], windowMs: number) => Math.max(...instants.map((t) => instants.filter((s) => s > t - windowMs && s <= t).length));

describe('bursts are paced, not dropped (issue 16)', () => {
  it('Telegram: 100 reminders at once for one bot, 5 of them to one chat — ≤ 30/s per bot, ≤ 1/s per chat, all scheduled, in order', () => {
    const calls: Array<[string, string]> = Array.from({ length: 100 }, (_, i) => ['bot', i % 20 === 0 ? 'busy' : `chat${i}`]);
    const at = instantsOf({}, calls);
    expect(at).toHaveLength(100);
    expect(atMostPerWindow(at, 1000)).toBeLessThanOrEqual(30);
    const busy = at.filter((_, i) => calls[i]![1] === 'busy');
    expect(busy).toHaveLength(5);
    for (let i = 1; i < busy.length; i++) expect(busy[i]! - busy[i - 1]!).toBeGreaterThanOrEqual(1000);
    // Paced tightly: 100 messages at 30/s take just over 3 s, the busy chat's five 4 s.
    expect(Math.max(...at)).toBeLessThanOrEqual(4000);
  });

  it('WhatsApp: 80/s per number, and per client a burst of 20 then one per 6 s (Meta’s pair rate) — all scheduled, in order', () => {
    const calls: Array<[string, string]> = [
      ...Array.from({ length: 200 }, (_, i): [string, string] => ['number1', `client${i}`]),
      ...Array.from({ length: 30 }, (): [string, string] => ['number1', 'chatty']),
    ];
    const at = instantsOf({ perBotPerSec: 80, perChatPerSec: 1 / 6, chatBurst: 20 }, calls);
    expect(at).toHaveLength(230);
    expect(atMostPerWindow(at, 1000)).toBeLessThanOrEqual(80);
    const chatty = at.slice(200);
    for (let i = 1; i < chatty.length; i++) expect(chatty[i]!).toBeGreaterThanOrEqual(chatty[i - 1]!);
    // The long-run pair rate: at most 20 + T/6 s messages by any instant T.
    for (const t of chatty) expect(chatty.filter((s) => s <= t).length).toBeLessThanOrEqual(20 + Math.floor(t / 6000) + 1);
    // The 21st waits for the pair rate, not less: the debt of the burst is paid back.
    expect(chatty[20]!).toBeGreaterThanOrEqual(6000);
    // Another number is not held back by this one.
    expect(instantsOf({ perBotPerSec: 80, perChatPerSec: 1 / 6, chatBurst: 20 }, [...calls, ['number2', 'client0']]).at(-1)).toBe(0);
  });
});
