import { describe, expect, it } from 'vitest';
import { intentsOf, LABEL_MAX, menuProblems, moveRow, rowErrors, rowsOf } from './intent-menu.js';

describe('the intent menu form', () => {
  it('lists the saved entries first in their order, then the hidden ones in the default order', () => {
    const rows = rowsOf([{ id: 'book', label: { en: 'Book now' } }, { id: 'human' }]);
    expect(rows.map((r) => [r.id, r.shown])).toEqual([
      ['book', true],
      ['human', true],
      ['prices', false],
      ['my_booking', false],
      ['other', false],
    ]);
    expect(rows[0]!.label).toEqual({ en: 'Book now' });
  });

  it('ignores a repeated entry in stored data instead of showing it twice', () => {
    expect(rowsOf([{ id: 'book' }, { id: 'book' }]).filter((r) => r.id === 'book')).toHaveLength(1);
  });

  it('sends the shown entries in order, with blank labels dropped', () => {
    const rows = rowsOf([{ id: 'prices' }, { id: 'book' }, { id: 'other' }]);
    rows[1] = { ...rows[1]!, label: { en: '  Book online ', ru: ' ' } };
    rows[2] = { ...rows[2]!, shown: false };
    expect(intentsOf(moveRow(rows, 1, -1))).toEqual([{ id: 'book', label: { en: 'Book online' } }, { id: 'prices' }]);
  });

  it('moves a row up or down and leaves the list alone at either end', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('finds an empty menu and labels over the limit before the server does', () => {
    const rows = rowsOf([{ id: 'book' }]).map((r) => ({ ...r, shown: false }));
    expect(menuProblems(rows).none).toBe(true);
    rows[0] = { ...rows[0]!, shown: true, label: { hy: 'x'.repeat(LABEL_MAX + 1), en: 'x'.repeat(LABEL_MAX) } };
    expect(menuProblems(rows)).toEqual({ none: false, tooLong: [{ id: 'book', lang: 'hy' }] });
  });

  it("places the server's intents.N errors on the row N counts among the shown ones", () => {
    const rows = rowsOf([{ id: 'other' }, { id: 'book' }]);
    const fields = [{ path: 'intents.1.label.en', message: 'too long' }];
    expect(rowErrors(fields, rows, 'book', '.label.en')).toEqual(['too long']);
    expect(rowErrors(fields, rows, 'other', '.label.en')).toEqual([]);
    expect(rowErrors(fields, rows, 'prices', '.label.en')).toEqual([]);
  });
});
