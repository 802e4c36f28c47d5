/**
 * The pairs bench books the same free starts in every run on the same data, so what a run (or the
 * warm-up) made must go before the next one: the bookings (their jobs go with them), their
 * customers, KPI events and webhook deliveries. Then VACUUM (ANALYZE): the thousands of rows just
 * deleted are otherwise autovacuum's work, which starts whenever its threshold is crossed — inside
 * the next measured window — and the planner's statistics would still count them.
 */

/** The one method both pg.Client and PGlite share. */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

export async function removeRowsSince(db: SqlClient, since: Date): Promise<void> {
  await db.query('DELETE FROM webhook_deliveries WHERE created_at >= $1', [since]);
  await db.query('DELETE FROM events WHERE at >= $1', [since]);
  await db.query('DELETE FROM bookings WHERE created_at >= $1', [since]);
  await db.query('DELETE FROM customers WHERE created_at >= $1', [since]);
  await db.query('VACUUM (ANALYZE) webhook_deliveries, events, jobs, bookings, customers');
}
