/**
 * The dashboard's KPIs per channel (issue 16): where clients wrote — widget, Telegram, WhatsApp,
 * SMS, e-mail — and how bookings without a chat arrived (phone, console, API), each with its
 * first human reply, SLA%, lead → booking and no-show rate for the dashboard's period and site.
 * Definitions: booking-service/src/services/console/kpis-by-channel.ts.
 */
import { api } from '../api/api.js';
import { labelOf, locale, t } from '../i18n/index.js';
import { formatRate, formatResponse } from '../lib/format.js';
import { ErrorBox } from '../ui/common.js';
import { useResource } from '../ui/resource.js';

export function KpisByChannel(props: { from: string; to: string; siteId: string }) {
  const d = t.value.dashboard;
  const res = useResource(() => api.dashboard.byChannel({ from: props.from, to: props.to, ...(props.siteId ? { siteId: props.siteId } : {}) }), [props.from, props.to, props.siteId]);
  if (res.error) return <ErrorBox error={res.error} retry={res.reload} />;
  if (!res.data || res.data.length === 0) return null;
  const rate = (n: number | null) => (n === null ? '—' : formatRate(n, locale.value));
  return (
    <section class="service-table" aria-labelledby="by-channel-title">
      <h2 id="by-channel-title">{d.kpisByChannel}</h2>
      <div class="table-scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{d.channel}</th>
              <th scope="col">{d.frtCol}</th>
              <th scope="col">{d.slaCol}</th>
              <th scope="col">{d.kpi.leadToBooking}</th>
              <th scope="col">{d.kpi.noShowRate}</th>
            </tr>
          </thead>
          <tbody>
            {res.data.map((r) => (
              <tr key={r.channel} data-channel={r.channel}>
                <th scope="row">{labelOf('channel', r.channel)}</th>
                <td class="num">{r.firstResponseHumanMs === null ? '—' : formatResponse(r.firstResponseHumanMs, locale.value)}</td>
                <td class="num">{r.slaPercent === null ? '—' : formatRate(r.slaPercent / 100, locale.value)}</td>
                <td class="num">{rate(r.leadToBooking)}</td>
                <td class="num">{rate(r.noShowRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
