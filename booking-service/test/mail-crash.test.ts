/**
 * The real service (src/main.ts) killed with SIGKILL while it is sending a confirmation — the
 * SMTP server has the message but never said 250 — and started again: the confirmation goes
 * out once. The kill lands after the booking committed and before the send was recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dbKinds, type TestDatabase } from './support/db.js';
import { startSmtp, type TestSmtp } from './support/mail.js';
import { startService, type RunningService } from './support/spawn-service.js';
import { trpc } from './support/trpc-http.js';

const until = async (cond: () => boolean, ms: number, what: string) => {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.each(dbKinds)('the service killed between booking and sending (%s)', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-crash-'));
  let svc: RunningService | undefined;
  let smtp: TestSmtp | undefined;
  let pgDb: TestDatabase | undefined;
  afterAll(async () => {
    await svc?.stop('SIGKILL');
    await smtp?.close();
    await pgDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a restart the confirmation goes out exactly once', async () => {
    smtp = await startSmtp();
    smtp.mood = 'stall';
    let dbEnv: Record<string, string>;
    if (kind === 'postgres') {
      pgDb = await createTestDatabase('postgres');
      dbEnv = { DATABASE_URL: pgDb.url!, SEED_DEMO: 'true' };
    } else {
      dbEnv = { DATA_DIR: join(dir, 'data') };
    }
    const env = {
      ...dbEnv,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Salon <bookings@crash.test>',
      JOBS_POLL_MS: '100',
      JOB_LEASE_SECONDS: '3',
      APP_SECRET: 'crash-test-secret-'.padEnd(40, 'y'),
    };
    const start = () => startService(env);
    svc = await start();
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { slots } = await trpc(svc.url, 'slots.find', { siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', from, days: 3 });
    const hold = await trpc(svc.url, 'booking.hold', { siteKey: 'demo-salon-spb', serviceId: 'salon-haircut-men', start: slots[0].start }, 'POST');
    const done = await trpc(
      svc.url,
      'booking.confirm',
      { holdToken: hold.holdToken, customer: { name: 'Crash Test', email: 'crash@example.com' }, consent: true, lang: 'en', idempotencyKey: 'crash-test-1' },
      'POST',
    );
    // The worker is mid-send: the server has the whole message and has not answered.
    await until(() => smtp!.dataSeen >= 1, 15_000, 'the first send attempt');
    await svc.stop('SIGKILL');
    expect(smtp.messages).toHaveLength(0);

    smtp.mood = 'accept';
    svc = await start();
    // The visitor's confirmation and the staff notice (the demo seeds an owner address).
    await smtp.waitFor(2, 30_000);
    const m = smtp.messages.find((x) => x.messageId?.startsWith('<booking_confirmed.'));
    expect(m!.messageId).toBe(`<booking_confirmed.v0.${done.booking.id}@crash.test>`);
    expect(m!.subject).toContain('Booking confirmed');
    // Give a duplicate every chance to appear: several poll rounds and a full lease.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(smtp.messages.filter((x) => x.messageId === m!.messageId)).toHaveLength(1);
    expect(smtp.messages.filter((x) => x.messageId === `<staff_new_booking.v0.${done.booking.id}@crash.test>`)).toHaveLength(1);
    const got = await trpc(svc.url, 'booking.get', { manageToken: done.manageToken });
    expect(got.booking.status).toBe('confirmed');
  });
});
