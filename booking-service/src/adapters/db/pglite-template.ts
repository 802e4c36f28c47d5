/**
 * The embedded database's lean start. A new data folder is not made by running initdb and every
 * migration on the user's first start (4–5 s of CPU): the build makes one initialised, migrated
 * folder once (`dist/pglite-template`, by src/cli/make-pglite-template.ts), and a new data folder
 * starts as a copy of it. Migrations still run on open, so a template older than the code only
 * means the newer migrations run then. And the settings that keep PGlite's memory small.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from './dir-lock.js';
import { PGlite } from '@electric-sql/pglite';

// src/adapters/db → booking-service/dist/pglite-template, and the same from dist/adapters/db.
export const TEMPLATE_DIR = fileURLToPath(new URL('../../../dist/pglite-template', import.meta.url));
/**
 * The same with the demo businesses seeded (seed/demo.ts, deterministic: no clock, no secret), made
 * by the same build from the same code: a new demo folder copied from it needs no seeding at its
 * first start (~0.8 s of CPU). The service's secret is never in a template (made at first start).
 */
export const DEMO_TEMPLATE_DIR = fileURLToPath(new URL('../../../dist/pglite-template-demo', import.meta.url));
/** Written beside the template's files (never copied): which PGlite made it. */
const MARKER = '.frontdesk-template.json';

const pgliteVersion = (): string => {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@electric-sql/pglite');
  // dist/index.cjs → the package root's package.json
  return (JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
};

/**
 * PostgreSQL's shared buffers inside PGlite: its default is 128 MB, which PostgreSQL zeroes at
 * start, so all of it stays resident (idle RSS 404–414 MiB against 122 MiB on a real server).
 * 1 MB (128 pages, PostgreSQL's floor is 128 kB): PGlite is one backend, so few buffers are ever
 * pinned at once, and a page it evicts is read back from the OS's page cache. On the HTTP bench's
 * data (5,000 bookings) `slots.find` costs no more CPU than with 16 MB, interleaved A/B in one
 * process (bench/start.ts, BENCHMARKS.md: start-up), and the process idles 20–40 MiB lower.
 * wal_buffers follows (1/32 of it, at least 64 kB).
 */
export const PGLITE_SHARED_BUFFERS = '1MB';

/** PGlite's own start parameters plus our memory settings (another shared_buffers only for the A/B bench). */
export function pgliteStartParams(sharedBuffers: string = PGLITE_SHARED_BUFFERS): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`];
}

function usable(template: string): boolean {
  if (!existsSync(join(template, 'PG_VERSION'))) return false;
  try {
    const marker = JSON.parse(readFileSync(join(template, MARKER), 'utf8')) as { pglite?: string };
    // Another PGlite may lay out its files otherwise: then initdb as before.
    return marker.pglite === pgliteVersion();
  } catch {
    return false;
  }
}

/**
 * Makes `dataDir` a database folder before PGlite opens it: an existing one is left alone; a new
 * (missing or without PG_VERSION, e.g. holding only a lock file) one becomes a copy of the
 * template. The copy is staged inside the folder and PG_VERSION moves in last, so a start that
 * dies midway leaves a folder the next start copies again. Returns what it did.
 */
export function prepareDataDir(dataDir: string, template: string = TEMPLATE_DIR): 'existing' | 'template' | 'initdb' {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return 'existing';
  mkdirSync(dataDir, { recursive: true });
  if (!usable(template)) return 'initdb';
  const staging = mkdtempSync(join(dataDir, '.template-'));
  try {
    // Never a lock file (dir-lock.ts): copying one in would replace this process's own lock.
    cpSync(template, staging, { recursive: true, filter: (src) => !src.endsWith(MARKER) && basename(src) !== LOCK_FILE });
    const names = readdirSync(staging).filter((n) => n !== 'PG_VERSION');
    for (const name of names) {
      rmSync(join(dataDir, name), { recursive: true, force: true });
      renameSync(join(staging, name), join(dataDir, name));
    }
    renameSync(join(staging, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return 'template';
}

/**
 * Writes a template into `target` (replacing it) with `init`, which must open the folder as the
 * service does (initdb + migrations) and close it. Built in a sibling folder, then renamed.
 */
export async function makeTemplate(target: string, init: (dataDir: string) => Promise<void>): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const building = mkdtempSync(`${target}.building-`);
  try {
    await init(building);
    writeFileSync(join(building, MARKER), JSON.stringify({ pglite: pgliteVersion(), made: 'src/cli/make-pglite-template.ts' }));
    rmSync(target, { recursive: true, force: true });
    renameSync(building, target);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}
