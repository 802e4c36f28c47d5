import { describe, expect, it } from 'vitest';
import { parseHash } from './router.js';

describe('parseHash', () => {
  it('splits the path and the query', () => {
    const r = parseHash('#/reset?token=abc%2B1');
    expect(r.path).toBe('/reset');
    expect(r.query.get('token')).toBe('abc+1');
  });
  it('treats an empty or slash-less hash as a path', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#inbox').path).toBe('/inbox');
  });
});
