/**
 * Rows of a table read by a hand-written statement (preparedRows: one fixed query text, no
 * query builder) turned into the same objects Drizzle's `select()` gives: keys by property name,
 * values through each column's own driver mapping (timestamps → Date, jsonb → objects). Both
 * drivers work: pg hands over parsed values, PGlite and `to_jsonb` text; the columns map either.
 */
import { getTableColumns, type Table } from 'drizzle-orm';

export function rowOf<T extends Table>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out;
}
