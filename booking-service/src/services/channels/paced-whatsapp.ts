/**
 * A WhatsApp Cloud API client whose sends keep Meta's limits (pacer.ts): per business phone number
 * 80 messages per second (Meta's default throughput; over it the API answers error 130429), and
 * per client (the "pair rate") one message per 6 seconds on average with bursts paid back (over it:
 * 131056). If Meta still throttles (another process shares the number, the number was downgraded)
 * the send waits and tries again in place — 131056 after 1, 4, 16 s (4^n, as Meta advises), 130429
 * and other 429s after 1, 2, 4 s — so a burst is slowed, not dropped, and a chat keeps its order.
 * A refused send was not accepted, so trying again never sends a message twice.
 */
import { WhatsAppError, type WhatsAppApi, type WhatsAppApiFactory } from '../../ports/whatsapp.js';
import type { Pacer } from './pacer.js';

const MAX_THROTTLE_RETRIES = 3;

/** Meta's documented limits (Cloud API throughput; the pair rate limit). */
export const WHATSAPP_LIMITS = { perNumberPerSec: 80, perUserPerSec: 1 / 6, userBurst: 20 } as const;

/** Throttled by Meta (not a refusal of the message itself): how long to wait before attempt `n` (0-based), or null. */
export function throttleWaitMs(err: unknown, n: number): number | null {
  if (!(err instanceof WhatsAppError)) return null;
  if (err.code === 131056) return 4 ** n * 1000;
  if (err.code === 130429 || err.code === 80007 || err.code === 4 || err.status === 429) return 2 ** n * 1000;
  return null;
}

export function pacedWhatsApp(make: WhatsAppApiFactory, pacer: Pacer, sleep: (ms: number) => Promise<void>): WhatsAppApiFactory {
  return (creds) => {
    const api = make(creds);
    const paced: WhatsAppApi = {
      ...api,
      async send(to, message) {
        await pacer.wait(creds.phoneNumberId, to.replace(/\D/g, ''));
        for (let attempt = 0; ; attempt++) {
          try {
            return await api.send(to, message);
          } catch (err) {
            const wait = throttleWaitMs(err, attempt);
            if (wait === null || attempt >= MAX_THROTTLE_RETRIES) throw err;
            await sleep(wait);
          }
        }
      },
    };
    return paced;
  };
}
