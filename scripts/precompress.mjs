#!/usr/bin/env node
/**
 * Precompresses a built folder at build time: next to every text asset (js, css, html, svg, json)
 * writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9), so the booking service
 * serves the smallest encoding the browser accepts without compressing on each request
 * (booking-service/src/http/precompressed.ts). A variant that is not smaller than the file is not
 * written. Usage: node scripts/precompress.mjs <dir>… (run by the widget's and the console's build).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt']);
/** Below this, headers outweigh the saving. */
const MIN_BYTES = 256;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

export function precompress(dir) {
  const written = [];
  for (const file of [...files(dir)]) {
    // A rebuild into the same folder leaves no variant of an older file behind.
    if (file.endsWith('.br') || file.endsWith('.gz')) {
      if (!statSync(file.slice(0, -3), { throwIfNoEntry: false })) rmSync(file);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const raw = readFileSync(file);
    for (const [ext, encoded] of [
      ['.br', () => brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })],
      ['.gz', () => gzipSync(raw, { level: 9 })],
    ]) {
      const out = raw.length >= MIN_BYTES ? encoded() : undefined;
      if (out && out.length < raw.length) {
        writeFileSync(file + ext, out);
        written.push(file + ext);
      } else rmSync(file + ext, { force: true });
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const dir of process.argv.slice(2)) console.log(`precompressed ${precompress(dir).length} variants in ${dir}`);
}
