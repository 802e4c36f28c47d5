/**
 * Telegram's flood limits (issue 16): about 30 messages per second per bot and one per second per
 * chat. A burst (a reminder wave, a busy evening) is paced, never dropped: each send reserves the
 * earliest instant that keeps both limits — synchronously, so concurrent senders get distinct
 * slots — then sleeps until it. Time and sleep are inputs (tests drive a fake clock).
 * Per process: several service processes sharing one bot each keep their own budget (see
 * SCALING.md); Telegram's 429 `retry_after` is honoured on top (adapters wrap it).
 */
export interface Pacer {
  /** Resolves when a message from `bot` to `chat` may be sent. */
  wait(bot: string, chat: string): Promise<void>;
}

export interface PacerOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  perBotPerSec?: number;
  perChatPerSec?: number;
  /** Added to the one-second window: requests reach Telegram with varying latency, so slots a hair apart would overlap there. */
  marginMs?: number;
}

export function createPacer(o: PacerOptions): Pacer {
  const WINDOW = 1000 + (o.marginMs ?? 0);
  const perBot = o.perBotPerSec ?? 30;
  const chatGap = WINDOW / (o.perChatPerSec ?? 1);
  const botSends = new Map<string, number[]>();
  const chatNext = new Map<string, number>();

  function reserve(bot: string, chat: string, now: number): number {
    const sends = (botSends.get(bot) ?? []).filter((t) => t > now - WINDOW);
    let t = Math.max(now, chatNext.get(`${bot}:${chat}`) ?? now);
    for (;;) {
      const inWindow = sends.filter((s) => s > t - WINDOW && s <= t);
      if (inWindow.length < perBot) break;
      t = Math.min(...inWindow) + WINDOW;
    }
    sends.push(t);
    sends.sort((a, b) => a - b);
    botSends.set(bot, sends);
    chatNext.set(`${bot}:${chat}`, t + chatGap);
    return t;
  }

  return {
    async wait(bot, chat) {
      const now = o.now();
      const at = reserve(bot, chat, now);
      if (at > now) await o.sleep(at - now);
    },
  };
}
