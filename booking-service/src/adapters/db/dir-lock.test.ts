/**
 * Issue 12, defect 1 (two processes on one embedded database folder), the lock itself: one owner
 * per folder, refused with the owner's PID, stale locks of dead processes taken over.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLocked, LOCK_FILE } from './dir-lock.js';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'fd-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const alive = (pids: number[]) => (pid: number) => pids.includes(pid);

describe('defect 1: the embedded database folder lock', () => {
  it('writes the owner PID into the folder and removes it on release', () => {
    const dir = fresh();
    const lock = acquireDirLock(dir, { pid: 4242, host: 'h', isAlive: alive([4242]) });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: 4242, host: 'h' });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second process while the first is alive, naming its PID and PostgreSQL', () => {
    const dir = fresh();
    acquireDirLock(dir, { pid: 100, host: 'h', isAlive: alive([100, 200]) });
    let err: unknown;
    try {
      acquireDirLock(dir, { pid: 200, host: 'h', isAlive: alive([100, 200]) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataDirLocked);
    expect((err as Error).message).toContain('pid 100');
    expect((err as Error).message).toContain('use PostgreSQL (DATABASE_URL) for more than one process');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(100);
  });

  it('takes over a stale lock left by a crashed process (dead PID) or a torn write', () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 100, host: 'h', since: 'x' }));
    acquireDirLock(dir, { pid: 200, host: 'h', isAlive: alive([200]) }).release();
    writeFileSync(join(dir, LOCK_FILE), '{"pid":');
    const lock = acquireDirLock(dir, { pid: 300, host: 'h', isAlive: alive([300]) });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(300);
    lock.release();
  });

  it('never judges a lock of another host stale (its PIDs cannot be checked from here)', () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 100, host: 'other', since: 'x' }));
    expect(() => acquireDirLock(dir, { pid: 200, host: 'h', isAlive: () => false })).toThrow(DataDirLocked);
  });

  it('refuses a second open of the same folder in this process', () => {
    const dir = fresh();
    const lock = acquireDirLock(dir);
    expect(() => acquireDirLock(dir)).toThrow(DataDirLocked);
    lock.release();
    acquireDirLock(dir).release();
  });

  it('a release by a process that lost the lock leaves the new owner alone', () => {
    const dir = fresh();
    const old = acquireDirLock(dir, { pid: 100, host: 'h', isAlive: alive([]) });
    acquireDirLock(dir, { pid: 200, host: 'h', isAlive: alive([200]) });
    old.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(200);
  });
});
