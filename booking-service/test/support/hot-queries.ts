/**
 * The hot queries of a slot search and a booking (hold + confirm), as the service prepares them,
 * with arguments for one business: test/hot-query-plans.test.ts checks their plans use indexes,
 * bench/tenants.ts explains them on 10,000 businesses.
 */
import { CONFIRM_HOLD_SQL, PLACE_HOLD_SQL } from '../../src/services/booking-store/store.js';
import { FIND_HOLD_SQL } from '../../src/services/confirm.js';
import { SCHEDULE_SQL } from '../../src/services/schedule.js';

export interface HotQueryTarget {
  businessId: string;
  serviceId: string;
  staffIds: string[];
  /** A day (YYYY-MM-DD) the searches and the hold look at. */
  day: string;
}

export function hotQueries(t: HotQueryTarget): Record<string, { text: string; args: Array<string | null>; writes: boolean }> {
  const at = (h: number) => new Date(Date.parse(`${t.day}T00:00:00Z`) + h * 3_600_000).toISOString();
  const staff = t.staffIds[0]!;
  return {
    'slot search (schedule)': { text: SCHEDULE_SQL, writes: false, args: [t.businessId, `{${t.staffIds.join(',')}}`, at(-24), at(0), at(24 * 7), t.day, at(24 * 7).slice(0, 10), ''] },
    'hold (one statement)': {
      text: PLACE_HOLD_SQL,
      writes: true,
      args: ['x', t.businessId, null, t.serviceId, staff, at(15), at(15.5), at(15), at(15.5), at(-23.8), 'h', null, '{}', 'widget', at(-24)],
    },
    'confirm: read': { text: FIND_HOLD_SQL, writes: false, args: ['h', 'k'] },
    'confirm (one statement)': { text: CONFIRM_HOLD_SQL, writes: true, args: ['x', 'held', '0', at(-24), 'c', 'k', 'en', null, null, 'n', null, null, 'en', '[]', '[]', '[]'] },
  };
}
