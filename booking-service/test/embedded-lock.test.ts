/**
 * Issue 12, defect 1: two processes on one embedded database folder. Both used to start and both
 * confirmed the same slot; on restart one process's bookings were gone. Now the second real
 * process refuses to start with a clear message, the first keeps serving, and after the first
 * is killed (SIGKILL: no clean-up) its stale lock is taken over by the next start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startService, type RunningService } from './support/spawn-service.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts a second service process and waits for it to exit (it must not come up). */
async function secondProcess(dataDir: string): Promise<{ code: number | null; out: string }> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()) };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  clearTimeout(timer);
  return { code, out };
}

describe('defect 1: two processes on one embedded database folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-lock-'));
  const dataDir = join(dir, 'data');
  let first: RunningService | undefined;
  afterAll(async () => {
    await first?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('the second process refuses with the owner PID; a crashed owner’s stale lock is taken over', async () => {
    first = await startService({ DATA_DIR: dataDir });
    expect(first.output()).toContain('use PostgreSQL (DATABASE_URL) for more than one process');
    const pid = first.child.pid!;
    expect(JSON.parse(readFileSync(join(dataDir, 'frontdesk.lock'), 'utf8')).pid).toBe(pid);

    const second = await secondProcess(dataDir);
    expect(second.code).toBe(1);
    expect(second.out).toContain(`in use by another process (pid ${pid}`);
    expect(second.out).toContain('use PostgreSQL (DATABASE_URL) for more than one process');
    expect(second.out).not.toMatch(/\n\s+at /); // a message, not a stack trace
    // The first one still serves.
    expect((await fetch(`${first.url}/healthz`)).ok).toBe(true);

    // A crash leaves the lock behind; its PID is dead, so the next start takes it over.
    await first.stop('SIGKILL');
    expect(JSON.parse(readFileSync(join(dataDir, 'frontdesk.lock'), 'utf8')).pid).toBe(pid);
    first = await startService({ DATA_DIR: dataDir });
    expect(JSON.parse(readFileSync(join(dataDir, 'frontdesk.lock'), 'utf8')).pid).toBe(first.child.pid);
    expect((await fetch(`${first.url}/healthz`)).ok).toBe(true);
  }, 180_000);
});
