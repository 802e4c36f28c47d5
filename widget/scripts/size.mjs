#!/usr/bin/env node
/**
 * The widget's size budget, measured on what the booking service sends: the build writes a
 * brotli (`.br`) and a gzip (`.gz`) variant beside each file (scripts/precompress.mjs at the
 * repository root) and the service picks one by the browser's Accept-Encoding
 * (booking-service/src/http/precompressed.ts). This check reads those very files, fails when one
 * is missing or does not decode to the file it stands for, and holds BOTH encodings to the
 * budget (a browser without brotli gets gzip). 1 KB = 1024 bytes.
 * - launcher: dist/widget.js alone ≤ 6 KB;
 * - first bot message: what a visitor downloads before the greeting shows (widget.js + the
 *   panel entry and every chunk it imports statically, CSS inlined in them + one language's
 *   strings, the largest) ≤ 20 KB;
 * - all chunks: everything the widget can ever load (widget.js + every file of dist/w/) ≤ 32 KB.
 * Exits 1 over budget. `measure()` is reused by the benchmark (its figures: gzip, the larger).
 * The transferred bytes in a real browser: e2e/specs/widget-transfer.spec.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export const BUDGET = { launcher: 6 * 1024, first: 20 * 1024, all: 32 * 1024 };
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const DECODE = { br: brotliDecompressSync, gz: gunzipSync };

/** Bytes of the served `encoding` variant of a dist file, checked against the file itself. */
function served(file, encoding) {
  const raw = readFileSync(join(dist, file));
  let variant;
  try {
    variant = readFileSync(join(dist, `${file}.${encoding}`));
  } catch {
    throw new Error(`dist/${file}.${encoding} is missing: the service would send ${file} uncompressed (is precompress in the build?)`);
  }
  if (!DECODE[encoding](variant).equals(raw)) throw new Error(`dist/${file}.${encoding} does not decode to dist/${file}: stale build?`);
  return variant.length;
}

export function measure(encoding = 'gz') {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const [entryKey, entry] = Object.entries(manifest).find(([, c]) => c.isEntry);
  const statics = new Set();
  const walk = (key) => {
    for (const k of manifest[key].imports ?? []) if (!statics.has(k)) (statics.add(k), walk(k));
  };
  walk(entryKey);
  const size = (file) => served(file, encoding);
  const launcher = size('widget.js');
  const panel = size(entry.file) + [...statics].reduce((n, k) => n + size(manifest[k].file), 0);
  const langs = Object.fromEntries((entry.dynamicImports ?? []).filter((k) => k.includes('i18n/')).map((k) => [manifest[k].name, size(manifest[k].file)]));
  const worst = Math.max(...Object.values(langs));
  const all = launcher + readdirSync(join(dist, 'w')).filter((f) => f.endsWith('.js')).reduce((n, f) => n + size(join('w', f)), 0);
  return { launcher, panel, langs, first: launcher + panel + worst, all };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  const over = [];
  for (const [encoding, name] of [['br', 'brotli'], ['gz', 'gzip']]) {
    const m = measure(encoding);
    console.log(`served as ${name}:`);
    console.log(`  launcher (widget.js)       ${kb(m.launcher).padStart(9)}  budget ${kb(BUDGET.launcher)}`);
    console.log(`  panel chunks (+ CSS)       ${kb(m.panel).padStart(9)}`);
    for (const [lang, n] of Object.entries(m.langs)) console.log(`  strings ${lang}                 ${kb(n).padStart(9)}`);
    console.log(`  first bot message, worst lang ${kb(m.first).padStart(7)}  budget ${kb(BUDGET.first)}`);
    console.log(`  all chunks                 ${kb(m.all).padStart(9)}  budget ${kb(BUDGET.all)}`);
    if (m.launcher > BUDGET.launcher) over.push(`launcher (${name})`);
    if (m.first > BUDGET.first) over.push(`first bot message (${name})`);
    if (m.all > BUDGET.all) over.push(`all chunks (${name})`);
  }
  if (over.length) {
    console.error(`Over budget: ${over.join(', ')}`);
    process.exit(1);
  }
}
