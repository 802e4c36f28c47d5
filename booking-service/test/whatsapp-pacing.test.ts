/**
 * Bursts to WhatsApp are paced, not dropped (issue 16): the emulator enforces Meta's limits —
 * throughput per business number (130429) and the pair rate to one user with its burst allowance
 * (131056) — scaled down so the test is short (10/s per number; one per second per user, bursts
 * of 2; production paces at 80/s and one per 6 s with bursts of 20). The paced client
 * (services/channels/paced-whatsapp.ts) delivers every message, each once, a user's in order;
 * throttling answers (here forced, as during a Meta hiccup) are waited out and tried again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChannelsRuntime } from '../src/channels-runtime.js';
import { startWhatsAppEmulator, type WhatsAppEmulator } from '../src/dev/whatsapp-emulator.js';
import type { WaOut } from '../src/domain/channels/whatsapp-render.js';

const LIMITS = { perNumberPerSec: 10, pairIntervalMs: 1000, pairBurst: 2 };
const reminder = (text: string): WaOut => ({ type: 'template', template: { name: 'reminder', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text }] }] } });

describe('WhatsApp pacing against the emulator’s limits', () => {
  let wa: WhatsAppEmulator;
  beforeAll(async () => {
    wa = await startWhatsAppEmulator(LIMITS);
  });
  afterAll(async () => {
    await wa?.close();
  });

  const runtime = (pacing: Parameters<typeof buildChannelsRuntime>[0]['whatsappPacing']) =>
    buildChannelsRuntime({ telegramApiRoot: 'http://127.0.0.1:9', whatsappApiRoot: wa.apiRoot, appSecret: 'x'.repeat(40), publicUrl: 'http://localhost', whatsappPacing: pacing });

  it('a burst of 24 clients’ reminders plus 6 messages to one client: every one delivered once, in order, within the limits — through a forced throttle', async () => {
    const n = wa.createNumber('+1 555 0199', 'Pacing test');
    wa.approveTemplate(n.phoneNumberId, 'reminder', 'en');
    const api = runtime({ perNumberPerSec: 10, perUserPerSec: 1, userBurst: 2, marginMs: 250 }).whatsapp({ phoneNumberId: n.phoneNumberId, accessToken: n.accessToken });
    const busy = '15550100999';
    // Meta throttles the first two sends whatever the pacing (another process shares the number).
    wa.failNext(429, 2);
    const sent = await Promise.all([
      ...Array.from({ length: 24 }, (_, i) => api.send(String(15550101000 + i), reminder(`Reminder ${i}`))),
      ...[1, 2, 3, 4, 5, 6].map((k) => api.send(busy, reminder(`Line ${k}`))),
    ]);
    expect(new Set(sent.map((s) => s.messageId)).size).toBe(30);

    const sends = wa.sends(n.phoneNumberId);
    expect(sends).toHaveLength(30);
    // Throughput: never more than 10 accepted in any second.
    for (const s of sends) expect(sends.filter((x) => x.at > s.at - 1000 && x.at <= s.at).length).toBeLessThanOrEqual(10);
    // Every client got theirs once; the busy client's six in order, paced to the pair rate.
    for (let i = 0; i < 24; i++) {
      expect(wa.chat(n.phoneNumberId, String(15550101000 + i)).map((l) => [l.text, l.status])).toEqual([[`[reminder] Reminder ${i}`, 'delivered']]);
    }
    const lines = wa.chat(n.phoneNumberId, busy);
    expect(lines.map((l) => l.text)).toEqual([1, 2, 3, 4, 5, 6].map((k) => `[reminder] Line ${k}`));
    expect(lines.at(-1)!.at - lines[0]!.at).toBeGreaterThanOrEqual((6 - LIMITS.pairBurst) * LIMITS.pairIntervalMs);
    // Paced, the limits were (almost) never hit: the two forced throttles were answered by the fault switch, not counted here.
    expect(wa.throttled()).toBeLessThan(30);
  });

  it('without pacing the pair rate refuses sends (the emulator is strict); the backoff on 131056 still delivers each once', async () => {
    const n = wa.createNumber('+1 555 0198', 'Unpaced');
    wa.approveTemplate(n.phoneNumberId, 'reminder', 'en');
    const api = runtime({ perNumberPerSec: 10_000, perUserPerSec: 10_000, userBurst: 100 }).whatsapp({ phoneNumberId: n.phoneNumberId, accessToken: n.accessToken });
    const before = wa.throttled();
    // Four at once to one user, bursts of 2 allowed: two are refused with 131056 and tried again after 1 s, then 4 s.
    const results = await Promise.allSettled(Array.from({ length: 4 }, (_, k) => api.send('15550100777', reminder(`x${k}`))));
    expect(wa.throttled()).toBeGreaterThan(before);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(wa.chat(n.phoneNumberId, '15550100777').map((l) => l.text).sort()).toEqual(['x0', 'x1', 'x2', 'x3'].map((t) => `[reminder] ${t}`));
  });
});
