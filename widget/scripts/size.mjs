#!/usr/bin/env node
/**
 * The widget's size budget, measured on the built files in dist/ the way a visitor
 * downloads them: each file gzipped on its own (zlib level 9), 1 KB = 1024 bytes.
 * - launcher: dist/widget.js alone ≤ 6 KB;
 * - first bot message: what a visitor downloads before the greeting shows (widget.js + the
 *   panel entry and every chunk it imports statically, CSS inlined + one language's strings,
 *   the largest) ≤ 20 KB;
 * - all chunks: everything the widget can ever load (every file under dist/) ≤ 32 KB.
 * Exits 1 over budget. `measure()` is reused by the benchmark.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET = { launcher: 6 * 1024, first: 20 * 1024, all: 32 * 1024 };
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

export function measure() {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const [entryKey, entry] = Object.entries(manifest).find(([, c]) => c.isEntry);
  const statics = new Set();
  const walk = (key) => {
    for (const k of manifest[key].imports ?? []) if (!statics.has(k)) (statics.add(k), walk(k));
  };
  walk(entryKey);
  const launcher = gz('widget.js');
  const panel = gz(entry.file) + [...statics].reduce((n, k) => n + gz(manifest[k].file), 0);
  const langs = Object.fromEntries((entry.dynamicImports ?? []).filter((k) => /i18n\//.test(k)).map((k) => [manifest[k].name, gz(manifest[k].file)]));
  const worst = Math.max(...Object.values(langs));
  const all = launcher + readdirSync(join(dist, 'w')).filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(join('w', f)), 0);
  return { launcher, panel, langs, first: launcher + panel + worst, all };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const m = measure();
  const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
  console.log(`launcher (widget.js)        ${kb(m.launcher).padStart(9)}  budget ${kb(BUDGET.launcher)}`);
  console.log(`panel chunks (+ CSS)        ${kb(m.panel).padStart(9)}`);
  for (const [lang, n] of Object.entries(m.langs)) console.log(`strings ${lang}                  ${kb(n).padStart(9)}`);
  console.log(`first bot message, worst lang ${kb(m.first).padStart(7)}  budget ${kb(BUDGET.first)}`);
  console.log(`all chunks                  ${kb(m.all).padStart(9)}  budget ${kb(BUDGET.all)}`);
  const over = [m.launcher > BUDGET.launcher && 'launcher', m.first > BUDGET.first && 'first bot message', m.all > BUDGET.all && 'all chunks'].filter(Boolean);
  if (over.length) {
    console.error(`Over budget: ${over.join(', ')}`);
    process.exit(1);
  }
}
