import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, staticClosure } from '../test/support/import-graph.js';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const rel = (file: string) => relative(SRC, file).replaceAll('\\', '/');

/** Code that exists for the demo only: the Google emulator and the demo businesses. */
const isDemoOnly = (path: string) => path.startsWith('dev/') || path.startsWith('seed/');

describe('the production entry point', () => {
  it('does not load demo-only code (src/dev, src/seed) when it starts', () => {
    const loaded = [...staticClosure(MAIN)].map(rel);
    // The graph is real: the app, the job worker and the database come in.
    expect(loaded).toEqual(expect.arrayContaining(['app.ts', 'jobs/worker.ts', 'adapters/db/client.ts']));
    expect(loaded.filter(isDemoOnly)).toEqual([]);
  });

  it('imports the demo parts on demand, when the demo is on, and the clients of SMTP, Redis and PostgreSQL\'s bus when configured', () => {
    expect(importsOf(MAIN).dynamics.map(rel).sort()).toEqual([
      'adapters/bus/notify.ts',
      'adapters/mail/smtp.ts',
      'dev/chats-demo.ts',
      'dev/google-demo.ts',
      'dev/job-runner.ts',
      'dev/sms-emulator.ts',
      'dev/telegram-emulator.ts',
      'dev/whatsapp-emulator.ts',
      'http/redis-store.ts',
      'seed/demo.ts',
      'seed/ensure-demo.ts',
    ]);
  });

  it('loads no client library it may never use: Telegram, the assistant, Google, the OpenAPI generator, SMTP, Redis and PostgreSQL come on first use or when configured', () => {
    const packages = new Set([...staticClosure(MAIN)].flatMap((file) => importsOf(file).packages));
    // The graph is real: the embedded database and the web framework come in.
    expect([...packages]).toEqual(expect.arrayContaining(['@electric-sql/pglite', 'express']));
    expect([...packages].filter((p) => ['grammy', 'openai', '@googleapis/calendar', 'google-auth-library', 'zod-openapi', 'nodemailer', 'ioredis', 'pg'].includes(p))).toEqual([]);
  });
});
