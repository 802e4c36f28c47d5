/**
 * The waiting list (issue 17): who waits for what — service, staff member or anyone, days and part
 * of the day, since when — and where each stands (waiting, offered a time until HH:MM, booked,
 * expired). "Remove" asks first, in the page: an open offer is withdrawn and its time goes to the
 * next person (the server's removeEntry), so the question says so.
 */
import { useState } from 'preact/hooks';
import { api, type WaitlistRow } from '../api/api.js';
import { fmt, lang, locale, t } from '../i18n/index.js';
import { formatDateTime, formatDay, formatTime } from '../lib/format.js';
import { me } from '../app/session.js';
import { ErrorBox, Loading, Page } from '../ui/common.js';
import { pickText } from '../ui/localized.js';
import { useAction, useResource } from '../ui/resource.js';

export function WaitlistPage() {
  const d = t.value.waitlist;
  const rows = useResource(() => api.waitlist.list(), []);
  return (
    <Page title={d.title}>
      <p>{d.intro}</p>
      {rows.error ? (
        <ErrorBox error={rows.error} retry={rows.reload} />
      ) : !rows.data ? (
        <Loading />
      ) : rows.data.length === 0 ? (
        <p>{d.empty}</p>
      ) : (
        <div class="table-scroll">
          <table class="keys waitlist">
            <thead>
              <tr>
                <th scope="col">{d.client}</th>
                <th scope="col">{d.service}</th>
                <th scope="col">{d.when}</th>
                <th scope="col">{d.since}</th>
                <th scope="col">{d.state}</th>
                <th scope="col">
                  <span class="visually-hidden">{d.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <Row key={r.id} r={r} onRemoved={rows.reload} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function stateOf(r: WaitlistRow, zone: string, loc: string): string {
  const d = t.value.waitlist;
  if (r.status === 'offered' && r.offer) {
    return fmt(d.states.offered, { time: formatDateTime(r.offer.startsAt, zone, loc), until: formatTime(r.offer.expiresAt, zone, loc) });
  }
  return r.status === 'offered' ? d.states.waiting : d.states[r.status];
}

function Row(props: { r: WaitlistRow; onRemoved: () => void }) {
  const d = t.value.waitlist;
  const { r } = props;
  const [asking, setAsking] = useState(false);
  const act = useAction();
  const zone = me.value?.business.timeZone ?? 'UTC';
  const loc = locale.value;
  const open = r.status === 'waiting' || r.status === 'offered';
  const askId = `waitlist-ask-${r.id}`;
  return (
    <>
      <tr>
        <th scope="row">
          {r.name}
          <br />
          <small>{[r.email, r.phone].filter(Boolean).join(' · ')}</small>
        </th>
        <td>
          {pickText(r.service, lang.value)}
          <br />
          <small>
            {d.staff}: {r.staffName ?? d.anyone}
          </small>
        </td>
        <td>
          {fmt(d.days, { from: formatDay(r.fromDay, loc), to: formatDay(r.toDay, loc) })}
          <br />
          <small>{d.parts[r.part]}</small>
        </td>
        <td>{formatDateTime(r.since, zone, loc)}</td>
        <td>{stateOf(r, zone, loc)}</td>
        <td>
          {open && (
            <button type="button" class="danger" aria-label={fmt(d.removeLabel, { name: r.name })} aria-expanded={asking} disabled={act.busy} onClick={() => setAsking(true)}>
              {d.remove}
            </button>
          )}
        </td>
      </tr>
      {asking && (
        <tr>
          <td colSpan={6}>
            <div class="confirm" role="alertdialog" aria-labelledby={askId}>
              <p id={askId}>
                <strong>{fmt(d.confirmTitle, { name: r.name })}</strong>
              </p>
              <p>{d.confirmText}</p>
              <div class="actions">
                <button
                  type="button"
                  class="danger"
                  disabled={act.busy}
                  onClick={() =>
                    void act.run(() => api.waitlist.remove({ entryId: r.id })).then((x) => {
                      if (!x) return;
                      setAsking(false);
                      props.onRemoved();
                    })
                  }
                >
                  {d.confirmYes}
                </button>
                <button type="button" class="secondary" disabled={act.busy} onClick={() => setAsking(false)}>
                  {t.value.app.cancel}
                </button>
              </div>
              {act.error && <ErrorBox error={act.error} />}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
