/**
 * One process per embedded database folder. PGlite is a single-process database: two processes
 * on one folder each keep their own copy in memory and overwrite each other's files (issue 12,
 * defect 1: both confirmed the same slot, one process's bookings vanished on restart, a third
 * aborted). The folder therefore holds a lock file naming the owner's PID; a second process
 * refuses to start, and a lock left by a crashed process (its PID no longer alive) is taken over.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'frontdesk.lock';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export class DataDirLocked extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    super(
      `The embedded database in ${dir} is in use by another process` +
        (owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.since})` : '') +
        `. The embedded database serves one process only: stop the other process first, ` +
        `or use PostgreSQL (DATABASE_URL) for more than one process. ` +
        `If no such process is running, delete ${join(dir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLocked';
  }
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

export interface DirLockOptions {
  pid?: number;
  host?: string;
  now?: () => Date;
  /** Is this PID a live process on this host? Default: signal 0 (EPERM still means alive). */
  isAlive?: (pid: number) => boolean;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null | 'missing' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && Number.isInteger(o.pid) && o.pid > 0 && typeof o.host === 'string') return { pid: o.pid, host: o.host, since: String(o.since ?? '?') };
  } catch {
    // a torn write (crash while writing it): treated like a lock whose owner is gone
  }
  return null;
}

/**
 * Takes the folder's lock or throws DataDirLocked. The lock is created with O_EXCL, so of two
 * processes starting at once exactly one wins. A stale lock (dead PID on this host, or unreadable)
 * is moved aside under a name of our own, checked to be the one we judged stale, and removed;
 * if a live owner slipped in meanwhile its file is put back and we refuse.
 */
const heldHere = new Set<string>();

export function acquireDirLock(dir: string, options: DirLockOptions = {}): DirLock {
  const pid = options.pid ?? process.pid;
  const path = join(dir, LOCK_FILE);
  // This very process already holds it (a second openDatabase on the folder): as wrong as another process.
  if (options.pid === undefined && heldHere.has(path)) throw new DataDirLocked(dir, { pid, host: options.host ?? hostname(), since: 'earlier in this process' });
  const lock = takeLock(dir, path, pid, options);
  if (options.pid === undefined) heldHere.add(path);
  return {
    path,
    release() {
      heldHere.delete(path);
      lock.release();
    },
  };
}

function takeLock(dir: string, path: string, pid: number, options: DirLockOptions): { release(): void } {
  const host = options.host ?? hostname();
  const isAlive = options.isAlive ?? pidAlive;
  const mine: LockOwner = { pid, host, since: (options.now?.() ?? new Date()).toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(mine) + '\n');
      } finally {
        closeSync(fd);
      }
      return {
        release() {
          const now = readOwner(path);
          if (now !== 'missing' && now?.pid === pid && now.host === host) unlinkSync(path);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(path);
    if (owner === 'missing') continue;
    // Another host (a shared network folder): its PIDs cannot be checked from here.
    if (owner && (owner.host !== host || (owner.pid !== pid && isAlive(owner.pid)))) throw new DataDirLocked(dir, owner);
    // Stale: the owner crashed (or it is our own PID from an earlier life of this container).
    const aside = `${path}.stale-${pid}`;
    try {
      renameSync(path, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const moved = readOwner(aside);
    const same = moved === owner || (moved !== 'missing' && moved !== null && owner !== null && moved.pid === owner.pid && moved.since === owner.since);
    if (!same && moved !== 'missing' && moved !== null && isAlive(moved.pid)) {
      // We moved a live owner's fresh lock: put it back (link refuses to overwrite) and refuse.
      try {
        linkSync(aside, path);
      } catch {
        // someone else holds the path now; either way the folder is taken
      }
      unlinkSync(aside);
      throw new DataDirLocked(dir, moved);
    }
    unlinkSync(aside);
  }
  throw new DataDirLocked(dir, null);
}
