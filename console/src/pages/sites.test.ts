import { describe, expect, it } from 'vitest';
import { parseOrigins } from './sites.js';

describe('parseOrigins', () => {
  it('takes one origin per line, trims trailing slashes and drops blanks', () => {
    expect(parseOrigins('https://a.example/\n\n  https://b.example  \n')).toEqual(['https://a.example', 'https://b.example']);
  });
});
