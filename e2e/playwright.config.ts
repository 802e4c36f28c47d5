/**
 * e2e: real Chromium (Debian's) against the built widget, the real booking service on
 * its embedded database in a fresh temp folder, and the demo sites on another origin.
 * One journey per spec; axe and a screenshot in every state (test-results/).
 */
import { defineConfig, devices } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOKING_PORT, BOOKING_URL, DEMO_PORT, DEMO_URL } from './support/urls';


// Set once in the runner process; the workers inherit it.
process.env.FRONTDESK_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'frontdesk-e2e-'));
// The demo Google calendar (emulator) on a known port, and a known app secret so a journey can
// sign an owner's connect link (specs/google-connect.spec.ts reads both).
process.env.E2E_GOOGLE_DEMO_PORT ??= String(BOOKING_PORT + 50);
process.env.E2E_APP_SECRET ??= randomBytes(32).toString('base64url');

export default defineConfig({
  testDir: 'specs',
  outputDir: 'test-results',
  // Journeys book real slots in one database: one at a time keeps "the nearest slot" stable.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: DEMO_URL,
    // A visitor abroad: the widget must label business times and show the visitor's own.
    timezoneId: 'Europe/Berlin',
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  },
  webServer: [
    {
      command: 'node --import tsx src/main.ts',
      cwd: '../booking-service',
      url: `${BOOKING_URL}/healthz`,
      // Every journey comes from one IP and signs the same demo owners in again and again: lift the
      // per-IP rate limit and the sign-in limits meant for real visitors (their own tests cover them).
      env: {
        DATABASE_URL: '', SMTP_URL: '', PORT: String(BOOKING_PORT), DATA_DIR: process.env.FRONTDESK_E2E_DATA, PUBLIC_URL: BOOKING_URL, RATE_LIMIT_PER_IP: '100000',
        LOGIN_LIMIT_PER_IP: '100000', LOGIN_LIMIT_PER_EMAIL: '100000',
        GOOGLE_CLIENT_ID: '', GOOGLE_DEMO: 'true', GOOGLE_DEMO_PORT: process.env.E2E_GOOGLE_DEMO_PORT, APP_SECRET: process.env.E2E_APP_SECRET, WEBHOOKS_ALLOW_PRIVATE: 'true',
        // A staff reply unseen for 2 s goes by e-mail (60 s in production): the journey spec waits seconds, not a minute.
        REPLY_MAIL_DELAY_SECONDS: '2',
        // A journey runs one booking's reminders as of a later time (booking-service/src/dev/job-runner.ts).
        DEV_JOB_RUNNER: 'true',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node server.mjs',
      cwd: '../demo-site',
      url: `${DEMO_URL}/`,
      env: { DEMO_PORT: String(DEMO_PORT), BOOKING_URL },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
