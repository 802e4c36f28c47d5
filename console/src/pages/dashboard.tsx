/**
 * KPI dashboard: a period (last 7/30/90 days or custom, in the business's days) and a site;
 * KPI cards compared with the previous period of the same length; charts for what is easier
 * seen than read. All numbers come from dashboard.kpis (computed in SQL from events).
 */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { Dashboard, Kpis } from '../api/contract.js';
import { isOwner, me } from '../app/session.js';
import { ExportCsv } from './export-csv.js';
import { KpisByChannel } from './dashboard-by-channel.js';
import { DeliveryFailuresSection } from './delivery-failures.js';
import { fmt, labelled, labelOf, locale, t } from '../i18n/index.js';
import type { Dict } from '../i18n/en.js';
import { change } from '../lib/chart-scale.js';
import { durationAxis, formatDay, formatRate, formatResponse } from '../lib/format.js';
import { addDays, utcToZoned, zonedToUtc } from '@frontdesk/shared';
import { BarChart, HBarChart } from '../ui/charts.js';
import { ErrorBox, Field, Loading, Page, SelectField } from '../ui/common.js';
import { useResource } from '../ui/resource.js';

type Period = '7' | '30' | '90' | 'custom';

/** A period's figures: the KPIs and the re-confirmation ones (issue 17), which come beside them. */
type Figures = Kpis & Dashboard['confirmation']['current'];

interface KpiDef {
  key: keyof Dict['dashboard']['kpi'];
  value: (k: Figures) => number | null;
  format: (n: number | null) => string;
  /** For rates of bad things and response times a fall is good news. */
  lowerIsBetter?: boolean;
}

const count = (n: number | null) => (n === null ? '—' : String(n));
const rate = (n: number | null) => formatRate(n, locale.value);

const KPIS: KpiDef[] = [
  { key: 'bookings', value: (k) => k.bookings, format: count },
  { key: 'conversations', value: (k) => k.conversations, format: count },
  { key: 'leadToBooking', value: (k) => k.leadToBooking, format: rate },
  { key: 'quoteToBooking', value: (k) => k.quoteToBooking, format: rate },
  { key: 'slaPercent', value: (k) => (k.slaPercent === null ? null : k.slaPercent / 100), format: rate },
  { key: 'handoffs', value: (k) => k.handoffs, format: count },
  { key: 'firstResponseBot', value: (k) => k.firstResponseBot.medianMs, format: (v) => formatResponse(v, locale.value), lowerIsBetter: true },
  { key: 'firstResponseHuman', value: (k) => k.firstResponseHuman.medianMs, format: (v) => formatResponse(v, locale.value), lowerIsBetter: true },
  { key: 'aht', value: (k) => k.aht.medianMs, format: (v) => formatResponse(v, locale.value), lowerIsBetter: true },
  { key: 'noShowRate', value: (k) => k.noShowRate, format: rate, lowerIsBetter: true },
  { key: 'rescheduleRate', value: (k) => k.rescheduleRate, format: rate, lowerIsBetter: true },
  { key: 'cancellationRate', value: (k) => k.cancellationRate, format: rate, lowerIsBetter: true },
  // Follow-ups (issue 17).
  { key: 'quoteToBooking7d', value: (k) => k.quoteToBooking7d, format: rate },
  { key: 'followUpsSent', value: (k) => k.followUpsSent, format: count },
  { key: 'recoveredLeads', value: (k) => k.recoveredLeads, format: count },
  { key: 'reactivationRate', value: (k) => k.reactivationRate, format: rate },
  // Re-confirmation (issue 17).
  { key: 'confirmedShare', value: (k) => k.confirmedShare, format: rate },
  { key: 'noShowRateConfirmed', value: (k) => k.noShowRateConfirmed, format: rate, lowerIsBetter: true },
  { key: 'noShowRateUnconfirmed', value: (k) => k.noShowRateUnconfirmed, format: rate, lowerIsBetter: true },
  { key: 'waitlistFills', value: (k) => k.waitlistFills, format: count },
  // Fewer is better: each one is a client who did not answer the reminders (the slot was freed for others).
  { key: 'releasedUnconfirmed', value: (k) => k.releasedUnconfirmed, format: count, lowerIsBetter: true },
];

/** The first-response chart's axis and its labels: bot and human, median and p90, on one scale. */
function responseAxis(k: Pick<Kpis, 'firstResponseBot' | 'firstResponseHuman'>, loc: string): { scale: { max: number; ticks: number[] }; format: (ms: number) => string } {
  const axis = durationAxis([k.firstResponseBot.p90Ms ?? 0, k.firstResponseHuman.p90Ms ?? 0, k.firstResponseBot.medianMs ?? 0, k.firstResponseHuman.medianMs ?? 0], loc);
  return { scale: { max: axis.max, ticks: axis.ticks }, format: axis.format };
}

/** "▲ 25 %" / "▼ 10 %" / "= 0 %"; null when there is nothing to compare. */
export function changeText(c: number | null, loc: string): string | null {
  if (c === null) return null;
  const arrow = c > 0 ? '▲' : c < 0 ? '▼' : '=';
  return `${arrow} ${new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 0 }).format(Math.abs(c))}`;
}

export function DashboardPage() {
  const d = t.value.dashboard;
  const tz = me.value!.business.timeZone;
  const today = utcToZoned(Date.now(), tz).date;
  const [period, setPeriod] = useState<Period>('30');
  const [customFrom, setCustomFrom] = useState(addDays(today, -13));
  const [customTo, setCustomTo] = useState(today);
  const [siteId, setSiteId] = useState('');
  // Whole business days: from the first day's midnight to the midnight after the last day.
  const [firstDay, lastDay] = period === 'custom' ? [customFrom <= customTo ? customFrom : customTo, customFrom <= customTo ? customTo : customFrom] : [addDays(today, 1 - Number(period)), today];
  const from = new Date(zonedToUtc(firstDay, 0, tz)).toISOString();
  const to = new Date(zonedToUtc(addDays(lastDay, 1), 0, tz)).toISOString();
  const sites = useResource(() => api.sites.list(), []);
  const kpis = useResource(() => api.dashboard.kpis({ from, to, ...(siteId ? { siteId } : {}) }), [from, to, siteId]);

  return (
    <Page title={d.title}>
      <DeliveryFailuresSection />
      <div class="toolbar">
        <SelectField
          class="inline"
          label={d.period}
          value={period}
          onValue={setPeriod}
          options={[
            { value: '7', label: d.last7 },
            { value: '30', label: d.last30 },
            { value: '90', label: d.last90 },
            { value: 'custom', label: d.custom },
          ]}
        />
        {period === 'custom' && (
          <>
            <Field label={d.from} class="inline">
              {({ id }) => <input id={id} type="date" value={customFrom} max={today} onChange={(e) => e.currentTarget.value && setCustomFrom(e.currentTarget.value)} />}
            </Field>
            <Field label={d.to} class="inline">
              {({ id }) => <input id={id} type="date" value={customTo} max={today} onChange={(e) => e.currentTarget.value && setCustomTo(e.currentTarget.value)} />}
            </Field>
          </>
        )}
        {(sites.data?.length ?? 0) > 0 && (
          <SelectField
            class="inline"
            label={d.site}
            value={siteId}
            onValue={setSiteId}
            options={[{ value: '', label: d.allSites }, ...(sites.data ?? []).map((s) => ({ value: s.id, label: s.siteKey }))]}
          />
        )}
      </div>
      {isOwner.value && <ExportCsv from={from} to={to} />}
      {kpis.error ? (
        <ErrorBox error={kpis.error} retry={kpis.reload} />
      ) : !kpis.data ? (
        <Loading />
      ) : (
        <div aria-busy={kpis.loading || undefined}>
          <ul class="kpis" aria-label={d.title}>
            {KPIS.map((k) => {
              const cur = k.value({ ...kpis.data!.current, ...kpis.data!.confirmation.current });
              const prev = k.value({ ...kpis.data!.previous, ...kpis.data!.confirmation.previous });
              const c = change(cur, prev);
              const text = changeText(c, locale.value);
              const good = c === null || c === 0 ? 'flat' : (c > 0) !== Boolean(k.lowerIsBetter) ? 'good' : 'bad';
              return (
                <li key={k.key} class="kpi" data-kpi={k.key}>
                  <span class="kpi-label">{d.kpi[k.key]}</span>
                  <span class="kpi-value">{k.format(cur)}</span>
                  <span class={`kpi-change ${good}`}>
                    {text ? fmt(d.vsPrevious, { change: text }) : d.noComparison}
                    {k.lowerIsBetter && <span class="visually-hidden"> ({d.lowerIsBetter})</span>}
                  </span>
                </li>
              );
            })}
          </ul>
          <div class="charts">
            {kpis.data.bookingsPerWeek.length === 0 ? (
              <p class="muted">
                {labelled(d.perWeek, d.noData)}
              </p>
            ) : (
              <BarChart
                title={d.perWeek}
                labelHeader={d.week}
                labels={kpis.data.bookingsPerWeek.map((w) => formatDay(w.weekStart.slice(0, 10), locale.value))}
                series={[{ name: d.count, cls: 'chart-a', values: kpis.data.bookingsPerWeek.map((w) => w.count) }]}
                integer
                format={(n) => String(n)}
              />
            )}
            {[kpis.data.current.firstResponseBot, kpis.data.current.firstResponseHuman].every((r) => r.medianMs === null && r.p90Ms === null) ? (
              <p class="muted">
                {labelled(d.firstResponse, d.noData)}
              </p>
            ) : (
            <BarChart
              title={d.firstResponse}
              labelHeader={d.firstResponse}
              labels={[d.median, d.p90]}
              series={[
                { name: d.bot, cls: 'chart-a', values: [kpis.data.current.firstResponseBot.medianMs ?? 0, kpis.data.current.firstResponseBot.p90Ms ?? 0] },
                { name: d.human, cls: 'chart-b', values: [kpis.data.current.firstResponseHuman.medianMs ?? 0, kpis.data.current.firstResponseHuman.p90Ms ?? 0] },
              ]}
              // One unit for the whole axis, scaled in that unit: never "0 s" on every tick.
              {...responseAxis(kpis.data.current, locale.value)}
            />
            )}
            {kpis.data.byIntent.length > 0 && (
              <HBarChart
                title={d.byIntent}
                headers={[d.intent, d.conversion]}
                max={1}
                rows={kpis.data.byIntent.map((r) => ({ label: labelOf('intent', r.intent), value: r.conversion ?? 0, detail: `${r.bookings} / ${r.conversations}` }))}
                format={(n) => formatRate(n, locale.value)}
              />
            )}
            {kpis.data.byChannel.length > 0 && (
              <HBarChart
                title={d.byChannel}
                headers={[d.channel, d.count]}
                rows={kpis.data.byChannel.map((r) => ({ label: labelOf('channel', r.channel), value: r.bookings }))}
                format={(n) => String(n)}
              />
            )}
          </div>
          {kpis.data.service.length > 0 && (
            <section class="service-table" aria-labelledby="service-title">
              <h2 id="service-title">{d.service}</h2>
              {/* Keyboard users can scroll it where it is wider than a phone (axe: scrollable-region-focusable). */}
              <div class="table-scroll" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{d.channel}</th>
                      <th scope="col">{d.intent}</th>
                      <th scope="col">{d.conversations}</th>
                      <th scope="col">{d.handoffsCol}</th>
                      <th scope="col">{d.frtCol}</th>
                      <th scope="col">{d.slaCol}</th>
                      <th scope="col">{d.ahtCol}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {kpis.data.service.map((r) => (
                      <tr key={`${r.channel}:${r.intent}`}>
                        <td>{labelOf('channel', r.channel)}</td>
                        <td>{r.intent ? labelOf('intent', r.intent) : d.noIntent}</td>
                        <td class="num">{r.conversations}</td>
                        <td class="num">{r.handoffs}</td>
                        <td class="num">{r.firstHumanReplyMedianMs === null ? '—' : formatResponse(r.firstHumanReplyMedianMs, locale.value)}</td>
                        <td class="num">{r.slaPercent === null ? '—' : formatRate(r.slaPercent / 100, locale.value)}</td>
                        <td class="num">{r.ahtMedianMs === null ? '—' : formatResponse(r.ahtMedianMs, locale.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          <KpisByChannel from={from} to={to} siteId={siteId} />
        </div>
      )}
    </Page>
  );
}
