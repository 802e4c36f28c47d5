import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ru } from './ru.js';
import { hy } from './hy.js';
import { fmt } from './index.js';

/** Every leaf as [path, text]; arrays (weekday names) count element by element. */
function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['ru', ru],
  ['hy', hy],
])('the %s dictionary', (_name, dict) => {
  const reference = new Map(leaves(en));
  const translated = new Map(leaves(dict));

  it('has exactly the English keys', () => {
    expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it('has no blank text and the same placeholders as English', () => {
    for (const [path, text] of translated) {
      expect(text.trim(), path).not.toBe('');
      expect(placeholders(text), path).toEqual(placeholders(reference.get(path) ?? ''));
    }
  });
});

describe('fmt', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fmt('{n} min, {x}', { n: 30 })).toBe('30 min, {x}');
  });
});
