import { describe, expect, it } from 'vitest';
import { csvCell, separatorFor, toCsv, UTF8_BOM } from './csv.js';

describe('csv', () => {
  it('guards cells that a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://evil","x")', '+7 999 123-45-67', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(evil, ',').replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1+1', ',')).toBe("'=1+1");
    // The guard goes inside the quotes when the cell needs quoting.
    expect(csvCell('=A1,B1', ',')).toBe(`"'=A1,B1"`);
    // Numbers are data: a negative amount stays a number.
    expect(csvCell(-5, ',')).toBe('-5');
    expect(csvCell('Анна = мастер', ',')).toBe('Анна = мастер');
  });

  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b', ',')).toBe('"a,b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ';')).toBe('"two\nlines"');
    expect(csvCell(null, ',')).toBe('');
    expect(csvCell(undefined, ',')).toBe('');
  });

  it('starts with the UTF-8 BOM and ends rows with CRLF; ru and hy use ; as Excel there does', () => {
    const csv = toCsv(['Имя', 'Հեռախոս'], [['Անի', '+374 10 123456'], ['Ольга', null]], separatorFor('hy'));
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}Имя;Հեռախոս\r\nԱնի;'+374 10 123456\r\nОльга;\r\n`);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(separatorFor('ru')).toBe(';');
    expect(separatorFor('en')).toBe(',');
  });
});
