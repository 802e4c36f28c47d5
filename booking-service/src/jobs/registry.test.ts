import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../domain/messages/strings.js';
import { mailJobKind } from '../services/notifications/enqueue.js';
import { handlerOf, JOB_HANDLERS } from './registry.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the job table', () => {
  it('has a handler for every mail message kind', () => {
    const kinds = Object.keys(STRINGS.en.subject) as Array<keyof typeof STRINGS.en.subject>;
    expect(kinds.length).toBeGreaterThan(5);
    for (const kind of kinds) expect(handlerOf(JOB_HANDLERS, mailJobKind(kind)), mailJobKind(kind)).toBeTypeOf('function');
  });

  it('has a handler for every literal job kind the code enqueues', () => {
    const enqueued = new Set<string>();
    for (const file of sourcesUnder(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/kind: '([a-z]+\.[a-z_]+)'|_JOB = '([a-z]+\.[a-z_]+)'/g)) enqueued.add(m[1] ?? m[2]!);
    }
    expect(enqueued.size).toBeGreaterThan(3);
    expect([...enqueued].filter((kind) => !handlerOf(JOB_HANDLERS, kind))).toEqual([]);
  });
});
