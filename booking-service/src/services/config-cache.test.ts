import { describe, expect, it } from 'vitest';
import { createConfigCache } from './config-cache.js';

function setup(opts: { maxEntries?: number } = {}) {
  let t = 0;
  const cache = createConfigCache({ ttlMs: 5_000, now: () => t, ...opts });
  let loads = 0;
  const load = (v: string) => async () => {
    loads++;
    return v;
  };
  return { cache, load, loads: () => loads, advance: (ms: number) => (t += ms) };
}

describe('config cache', () => {
  it('serves a value until its TTL passes, then loads it again', async () => {
    const s = setup();
    expect(await s.cache.get('k', s.load('a'))).toBe('a');
    s.advance(4_999);
    expect(await s.cache.get('k', s.load('b'))).toBe('a');
    s.advance(1);
    expect(await s.cache.get('k', s.load('c'))).toBe('c');
    expect(s.loads()).toBe(2);
  });

  it('shares one load between concurrent callers', async () => {
    const s = setup();
    const [x, y] = await Promise.all([s.cache.get('k', s.load('a')), s.cache.get('k', s.load('b'))]);
    expect([x, y]).toEqual(['a', 'a']);
    expect(s.loads()).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const s = setup();
    await expect(s.cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await s.cache.get('k', s.load('ok'))).toBe('ok');
  });

  it('drops the oldest entries beyond its size bound', async () => {
    const s = setup({ maxEntries: 2 });
    await s.cache.get('a', s.load('a'));
    await s.cache.get('b', s.load('b'));
    await s.cache.get('c', s.load('c'));
    expect(await s.cache.get('a', s.load('a2'))).toBe('a2');
    expect(await s.cache.get('c', s.load('c2'))).toBe('c');
  });
});
