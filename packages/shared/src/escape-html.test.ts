import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';

describe('escapeHtml', () => {
  it('escapes markup and both quote kinds', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('leaves plain text, Cyrillic and Armenian as they are', () => {
    expect(escapeHtml('Анна · Աննա · Anna 10:00')).toBe('Анна · Աննա · Anna 10:00');
  });

  it('escapes an ampersand once, so an escaped text escapes again visibly', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
