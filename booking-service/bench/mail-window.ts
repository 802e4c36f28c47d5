/**
 * Issue 12, defect 7: the duplicate window that remains. A message goes out twice only if the
 * sending process dies between the SMTP server's 250 and the commit of its record (send-once.ts;
 * slow sends and outages longer than the lease are covered by the lease heartbeat and the
 * reconciliation, test/mail-lease-race.test.ts). This bench sends 800 `console.mail` jobs
 * through a real SMTP server on loopback (smtp-server) and the real job runner, and measures per
 * message the time from the 250 to the record's commit, and the share of all sending time it
 * is: the chance that a crash landing at a random moment of sending makes a duplicate.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { openDatabase, type Database } from '../src/adapters/db/client.js';
import { enqueue } from '../src/adapters/job-queue/queue.js';
import { createSmtpTransport } from '../src/adapters/mail/smtp.js';
import type { MailTransport } from '../src/adapters/mail/transport.js';
import { sendConsoleMail } from '../src/jobs/console-mail.js';
import type { JobDeps } from '../src/jobs/deps.js';
import { drainDueJobs } from '../src/jobs/run-due-jobs.js';
import { manualClock } from '../src/ports/clock.js';
import { createBenchDatabase } from './http.js';
import { machineLine } from './report.js';

const MESSAGES = 800;

interface Figures {
  kind: string;
  windows: number[];
  totals: number[];
}

async function measure(kind: 'pglite' | 'postgres', smtpUrl: string): Promise<Figures> {
  let database: Database;
  let drop: () => Promise<void>;
  if (kind === 'pglite') {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    drop = () => database.close();
  } else {
    const made = await createBenchDatabase();
    database = made.database;
    drop = made.drop;
  }
  const clock = manualClock('2026-03-02T06:00:00.000Z');
  for (let i = 0; i < MESSAGES; i++)
    await enqueue(database.db, { kind: 'console.mail', runAt: clock.now(), payload: { to: `m${i}@example.com`, subject: `Message ${i}`, text: 'Hello.', dedupeKey: `bench-${i}` } });

  const smtp = createSmtpTransport(smtpUrl, { timeoutMs: 5_000 });
  let acceptedAt = 0;
  const transport: MailTransport = {
    ...smtp,
    async send(mail, db) {
      await smtp.send(mail, db);
      acceptedAt = performance.now(); // the 250 has arrived
    },
  };
  const deps: JobDeps = {
    db: database.db,
    clock,
    secret: 'bench-secret-'.padEnd(40, 'x'),
    publicUrl: 'http://localhost:3000',
    transport,
    mailFrom: 'Frontdesk <bookings@bench.test>',
    workerId: 'bench',
    leaseMs: 120_000,
    log: () => {},
  };
  const windows: number[] = [];
  const totals: number[] = [];
  await drainDueJobs(deps, clock.now(), {
    'console.mail': async (d, job, now) => {
      const t0 = performance.now();
      await sendConsoleMail(d, job, now);
      const t1 = performance.now(); // the record has committed
      windows.push(t1 - acceptedAt);
      totals.push(t1 - t0);
    },
  });
  await smtp.close?.();
  await drop();
  return { kind, windows, totals };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => x.toFixed(2);

export async function runMailWindowBench(): Promise<string> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => {
        accepted++;
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const kinds: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const rows: string[] = [];
  for (const kind of kinds) {
    const f = await measure(kind, url);
    const share = f.windows.reduce((a, b) => a + b, 0) / f.totals.reduce((a, b) => a + b, 0);
    rows.push(
      `| ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} | ${f.windows.length} | ${ms(pct(f.windows, 50))} | ${ms(pct(f.windows, 99))} | ${ms(Math.max(...f.windows))} | ${ms(pct(f.totals, 50))} | ${(share * 100).toFixed(1)} % |`,
    );
  }
  await new Promise<void>((r) => server.close(() => r()));
  return [
    '## Mail: the duplicate window',
    '',
    `Machine: ${machineLine()}.`,
    '',
    `\`npm run bench\` (bench/mail-window.ts): ${MESSAGES} \`console.mail\` jobs through the real job runner and SMTP transport (nodemailer) to a real SMTP server on loopback (${accepted} accepted in all). Window = from the server's 250 to the commit of the message's record (\`sent_messages\` + job done, one transaction): a crash of the sending process inside it is the only way left to send a message twice (then one to two leases later, with the same Message-ID). Share = the window's part of all sending time: the chance that a crash at a random moment of sending makes one duplicate.`,
    '',
    '| database | messages | window p50 (ms) | p99 | max | whole send p50 (ms) | share |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Before (issue 12): a database outage mid-send failed the record, and the job ran again when its 120 s lease lapsed — 3 of ~800 messages twice; a send slower than the lease, or an outage longer than it, let a second worker send again at once. Now those cases send once (test/mail-lease-race.test.ts: each fails on the old code with a second copy): the lease is kept alive while sending, the record is retried through an outage, and a worker taking over waits one lease for an interrupted sender\'s record.',
  ].join('\n');
}
