/**
 * Messages to clients that did not arrive the usual way in the last 7 days (issue 16), where
 * staff look: a section at the top of the dashboard with the figures and the bookings behind
 * them (each opens in the calendar), and a banner on the inbox when any went nowhere — those
 * clients know nothing of their booking and someone should call them. Fallbacks reached the
 * client, so they are counted on the dashboard but raise no banner.
 */
import { api } from '../api/api.js';
import type { DeliveryFailures } from '../api/contract.js';
import { me } from '../app/session.js';
import { fmt, locale, t } from '../i18n/index.js';
import { bookingHref, messageWord, problemText } from '../lib/delivery.js';
import { formatDateTime } from '../lib/format.js';
import { ErrorBox } from '../ui/common.js';
import { useResource } from '../ui/resource.js';
import { statusLabel } from './calendar.js';

export function DeliveryFailuresSection() {
  const d = t.value.delivery;
  const res = useResource(() => api.dashboard.deliveryFailures(), []);
  if (res.error) return <ErrorBox error={res.error} retry={res.reload} />;
  const f = res.data;
  if (!f) return null;
  return (
    <section class={`delivery-failures ${f.failed > 0 ? 'has-failed' : ''}`} aria-labelledby="delivery-title" data-testid="delivery-failures">
      <h2 id="delivery-title">{d.title}</h2>
      {f.failed + f.fallback === 0 ? (
        <p class="muted">{fmt(d.none, { days: f.days })}</p>
      ) : (
        <>
          <p class="delivery-figures">
            <strong class={f.failed > 0 ? 'delivery-failed' : undefined} data-testid="delivery-failed-count">{fmt(d.notDelivered, { days: f.days, count: f.failed })}</strong>
            {' · '}
            <span data-testid="delivery-fallback-count">{fmt(d.otherWay, { count: f.fallback })}</span>
          </p>
          <p class="muted">{d.intro}</p>
          <ProblemTable f={f} />
        </>
      )}
    </section>
  );
}

function ProblemTable(props: { f: DeliveryFailures }) {
  const d = t.value.delivery;
  const tz = me.value!.business.timeZone;
  const channel = t.value.labels.channel;
  return (
    <div class="table-scroll" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{d.client}</th>
            <th scope="col">{d.phone}</th>
            <th scope="col">{d.visit}</th>
            <th scope="col">{d.message}</th>
            <th scope="col">{d.what}</th>
            <th scope="col">
              <span class="visually-hidden">{d.open}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.f.bookings.map((b) => {
            const when = formatDateTime(b.startsAt, tz, locale.value);
            return (
              <tr key={b.bookingId} class={b.kind === 'failed' ? 'delivery-failed-row' : undefined}>
                <th scope="row">{b.customerName || '—'}</th>
                <td>{b.customerPhone ? <a href={`tel:${b.customerPhone}`}>{b.customerPhone}</a> : '—'}</td>
                <td>{b.status === 'confirmed' ? when : fmt(d.visitStatus, { when, status: statusLabel(b.status) })}</td>
                <td>{messageWord(d, b.message)}</td>
                <td class={b.kind === 'failed' ? 'delivery-failed' : undefined}>
                  {problemText(d, channel, b)} ({formatDateTime(b.at, tz, locale.value)})
                </td>
                <td>
                  <a href={bookingHref(b.bookingId, b.startsAt, tz)} aria-label={fmt(d.openLabel, { name: b.customerName || '—' })}>
                    {d.open}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The inbox's banner: only when a message went nowhere (a client who may not know their time). */
export function DeliveryBanner() {
  const d = t.value.delivery;
  const res = useResource(() => api.dashboard.deliveryFailures(), []);
  const f = res.data;
  if (!f || f.failed === 0) return null;
  return (
    <p class="delivery-banner" role="status" data-testid="delivery-banner">
      {fmt(d.banner, { days: f.days, count: f.failed })} <a href="#/dashboard">{d.bannerLink}</a>
    </p>
  );
}
