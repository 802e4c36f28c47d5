/**
 * The messengers' send limits (issue 16), one concept for both: a cap per sender (Telegram: about
 * 30 messages per second per bot; WhatsApp: 80 per second per business phone number) and a rate
 * per chat (Telegram: one per second; WhatsApp's pair rate: one per 6 seconds to one user, with
 * bursts allowed that are paid back — a GCRA with `chatBurst` slots). A burst (a reminder wave, a
 * busy evening) is paced, never dropped: each send reserves the earliest instant that keeps both
 * limits — synchronously, so concurrent senders get distinct slots — then sleeps until it. Time
 * and sleep are inputs (tests drive a fake clock). Per process: several service processes sharing
 * one bot or number each keep their own budget (see SCALING.md); the platforms' throttling answers
 * (Telegram's 429 `retry_after`, WhatsApp's 130429 / 131056) are waited out on top (paced-bot.ts,
 * paced-whatsapp.ts).
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
  /**
   * Messages one chat may get ahead of its rate (1 = strictly spaced, Telegram). Each send still
   * costs one interval, so the long-run rate stays `perChatPerSec` (WhatsApp's burst allowance).
   */
  chatBurst?: number;
  /** Added to the one-second window: requests reach Telegram with varying latency, so slots a hair apart would overlap there. */
  marginMs?: number;
}

export function createPacer(o: PacerOptions): Pacer {
  const WINDOW = 1000 + (o.marginMs ?? 0);
  const perBot = o.perBotPerSec ?? 30;
  const chatGap = WINDOW / (o.perChatPerSec ?? 1);
  const botSends = new Map<string, number[]>();
  /** Per chat, the theoretical arrival time of the next message (GCRA): it may go `chatSlack` earlier. */
  const chatNext = new Map<string, number>();
  /** Per chat, the last reserved instant: a chat's messages never overtake each other. */
  const chatLast = new Map<string, number>();
  const chatSlack = (Math.max(1, o.chatBurst ?? 1) - 1) * chatGap;

  function reserve(bot: string, chat: string, now: number): number {
    const sends = (botSends.get(bot) ?? []).filter((t) => t > now - WINDOW);
    const tat = chatNext.get(`${bot}:${chat}`) ?? now;
    let t = Math.max(now, tat - chatSlack, chatLast.get(`${bot}:${chat}`) ?? now);
    for (;;) {
      const inWindow = sends.filter((s) => s > t - WINDOW && s <= t);
      if (inWindow.length < perBot) break;
      t = Math.min(...inWindow) + WINDOW;
    }
    sends.push(t);
    sends.sort((a, b) => a - b);
    botSends.set(bot, sends);
    chatNext.set(`${bot}:${chat}`, Math.max(tat, t) + chatGap);
    chatLast.set(`${bot}:${chat}`, t);
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
