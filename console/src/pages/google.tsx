/**
 * Google Calendar for one's own staff member: connect (browser goes to Google's or the
 * emulator's consent page and comes back here), choose busy/booking calendars, disconnect,
 * and the private .ics feed link. "Demo calendar" marks the emulator.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { GoogleStatus } from '../api/contract.js';
import { me } from '../app/session.js';
import { fmt, t } from '../i18n/index.js';
import { copyText } from '../lib/clipboard.js';
import { Checkbox, ErrorBox, Field, Loading, Notice, Page, SelectField, Submit } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

export function GoogleSettingsPage() {
  if (!me.value?.user.staffId) {
    return (
      <Page title={t.value.google.title}>
        <p>{t.value.myHours.noStaff}</p>
      </Page>
    );
  }
  return <GoogleSettings />;
}

function GoogleSettings() {
  const d = t.value.google;
  const status = useResource(() => api.google.status(), []);
  const action = useAction();
  const s = status.data;
  const after = (r: unknown) => r !== undefined && status.reload();
  return (
    <Page title={d.title}>
      {status.error ? (
        <ErrorBox error={status.error} retry={status.reload} />
      ) : !s ? (
        <Loading />
      ) : (
        <>
          {s.demo && <p class="badge demo">{d.demo}</p>}
          {!s.configured ? (
            <p>{d.notConfigured}</p>
          ) : !s.connection ? (
            <>
              <p>{d.notConnected}</p>
              <button type="button" class="primary" disabled={action.busy} onClick={() => void action.run(() => api.google.connectUrl()).then((r) => r && location.assign(r.url))}>
                {d.connect}
              </button>
            </>
          ) : (
            <>
              {s.connection.status === 'ok' ? (
                <p class="ok">{d.connected}</p>
              ) : (
                <div role="alert" class="error-box">
                  <p>{fmt(d.broken, { reason: s.connection.brokenReason ?? '' })}</p>
                  <button type="button" class="primary" disabled={action.busy} onClick={() => void action.run(() => api.google.connectUrl()).then((r) => r && location.assign(r.url))}>
                    {d.reconnect}
                  </button>
                </div>
              )}
              <CalendarChoice key={JSON.stringify(s.connection)} status={s} onSaved={status.set} />
              <button type="button" class="danger" disabled={action.busy} onClick={() => void action.run(() => api.google.disconnect()).then(after)}>
                {d.disconnect}
              </button>
            </>
          )}
          <ErrorBox error={action.error} />
          <Feed status={s} onChanged={status.reload} />
        </>
      )}
    </Page>
  );
}

function CalendarChoice(props: { status: GoogleStatus; onSaved: (s: GoogleStatus) => void }) {
  const d = t.value.google;
  const c = props.status.connection!;
  const [busy, setBusy] = useState<string[]>(c.busyCalendarIds);
  const [booking, setBooking] = useState(c.bookingCalendarId ?? c.calendars.find((x) => x.primary)?.id ?? c.calendars[0]?.id ?? '');
  const action = useAction();
  useEffect(() => action.reset(), [busy, booking]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api.google.chooseCalendars({ busyCalendarIds: busy, bookingCalendarId: booking })).then((r) => r && props.onSaved(r));
      }}
    >
      <fieldset>
        <legend>{d.busyCalendars}</legend>
        {c.calendars.map((cal) => (
          <Checkbox
            key={cal.id}
            label={`${cal.summary}${cal.primary ? ` ${d.primary}` : ''}`}
            checked={busy.includes(cal.id)}
            onChange={(on) => setBusy(on ? [...busy, cal.id] : busy.filter((x) => x !== cal.id))}
          />
        ))}
      </fieldset>
      <SelectField
        label={d.bookingCalendar}
        value={booking}
        onValue={setBooking}
        options={c.calendars.map((cal) => ({ value: cal.id, label: `${cal.summary}${cal.primary ? ` ${d.primary}` : ''}` }))}
      />
      <ErrorBox error={action.error} />
      {action.done && <Notice>{t.value.app.saved}</Notice>}
      <Submit busy={action.busy}>{t.value.app.save}</Submit>
    </form>
  );
}

function Feed(props: { status: GoogleStatus; onChanged: () => void }) {
  const d = t.value.google;
  const action = useAction();
  const [copied, setCopied] = useState<boolean | null>(null);
  const url = props.status.feedUrl;
  return (
    <section class="panel" aria-labelledby="feed-title">
      <h2 id="feed-title">{d.feed}</h2>
      {url ? (
        <>
          <Field label={d.feed} hint={d.feedHint}>
            {({ id, describedBy }) => <input id={id} readOnly value={url} aria-describedby={describedBy} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void copyText(url).then(setCopied)}>
              {t.value.sites.copy}
            </button>
            <button type="button" class="danger" disabled={action.busy} onClick={() => void action.run(() => api.google.revokeFeed()).then((r) => r !== undefined && props.onChanged())}>
              {d.revokeFeed}
            </button>
          </div>
          {copied === true && <Notice>{t.value.sites.copied}</Notice>}
        </>
      ) : (
        <button type="button" class="secondary" disabled={action.busy} onClick={() => void action.run(() => api.google.createFeed()).then((r) => r && props.onChanged())}>
          {d.createFeed}
        </button>
      )}
      <ErrorBox error={action.error} />
    </section>
  );
}
