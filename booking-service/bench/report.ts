/**
 * Shared plumbing for benches: a line describing the machine, and writing one bench's section of
 * the repository's BENCHMARKS.md without touching the other sections.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** The repository root's BENCHMARKS.md, found from this file rather than the working directory. */
const BENCHMARKS_MD = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));

const HEADER = '# Benchmarks\n\nWritten by `npm run bench`; each bench replaces only its own section.\n';

/** CPU model, cores, RAM, Node version, OS and the current date: enough to compare runs. */
export function machineLine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown CPU';
  const ramGiB = (os.totalmem() / 2 ** 30).toFixed(1);
  return [
    model,
    `${cpus.length} cores`,
    `${ramGiB} GiB RAM`,
    `Node ${process.version}`,
    `${os.type()} ${os.release()} (${os.arch()})`,
    new Date().toISOString(),
  ].join(', ');
}

/** The current text of one bench's section of BENCHMARKS.md (without its markers), or '' if none. */
export function readSection(name: string): string {
  if (!existsSync(BENCHMARKS_MD)) return '';
  const current = readFileSync(BENCHMARKS_MD, 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const from = current.indexOf(begin);
  const to = current.indexOf(`<!-- ${name}:end -->`);
  return from !== -1 && to > from ? current.slice(from + begin.length, to) : '';
}

/**
 * Replaces the text between `<!-- name:begin -->` and `<!-- name:end -->` in BENCHMARKS.md with
 * `markdown`, appending the section if it is not there and creating the file if need be.
 */
export function writeSection(name: string, markdown: string): void {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${begin}\n${markdown.trim()}\n${end}`;
  const current = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : HEADER;

  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  let next: string;
  if (from === -1 && to === -1) {
    next = `${current.trimEnd()}\n\n${section}\n`;
  } else if (from !== -1 && to > from) {
    next = current.slice(0, from) + section + current.slice(to + end.length);
  } else {
    // A lone or misordered marker means someone edited the file by hand; guessing could eat
    // another section.
    throw new Error(`${BENCHMARKS_MD}: markers for section "${name}" are unbalanced; fix them by hand`);
  }
  // Write-then-rename so that an interrupted run never leaves a half-written file.
  const temporary = `${BENCHMARKS_MD}.${process.pid}.tmp`;
  writeFileSync(temporary, next);
  renameSync(temporary, BENCHMARKS_MD);
}
