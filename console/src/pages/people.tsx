/**
 * Owner: one person's data (issue 13). Find a client by name, e-mail or phone; download
 * everything kept about them as a JSON file, or erase it. Erasing asks first, in the page (not a
 * browser dialog), saying what happens: future bookings are cancelled, the figures stay.
 */
import { useState } from 'preact/hooks';
import { api, type PersonHit } from '../api/api.js';
import { fmt, locale, t } from '../i18n/index.js';
import { formatDateTime } from '../lib/format.js';
import { me } from '../app/session.js';
import { ErrorBox, Loading, Notice, Page, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

export function PeoplePage() {
  const d = t.value.people;
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const hits = useResource(() => (asked.length >= 2 ? api.privacy.find({ query: asked }) : Promise.resolve([] as PersonHit[])), [asked]);
  return (
    <Page title={d.title}>
      <p>{d.intro}</p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(query.trim());
        }}
      >
        <TextField label={d.search} hint={d.searchHint} value={query} onValue={setQuery} type="search" minLength={2} maxLength={200} />
        <button type="submit">{d.find}</button>
      </form>
      {asked.length >= 2 && (
        <section class="panel" aria-labelledby="people-found">
          <h2 id="people-found">{d.found}</h2>
          {hits.error ? <ErrorBox error={hits.error} retry={hits.reload} /> : !hits.data ? <Loading /> : hits.data.length === 0 ? <p>{d.nobody}</p> : hits.data.map((p) => <Person key={p.customerId} p={p} onErased={hits.reload} />)}
        </section>
      )}
    </Page>
  );
}

function download(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Person(props: { p: PersonHit; onErased: () => void }) {
  const d = t.value.people;
  const { p } = props;
  const [asking, setAsking] = useState(false);
  const [erased, setErased] = useState<{ bookingsCancelled: number } | null>(null);
  const act = useAction();
  const zone = me.value?.business.timeZone ?? 'UTC';
  const titleId = `person-${p.customerId}`;
  const contact = [p.email, p.phone].filter(Boolean).join(' · ');
  if (erased) {
    return (
      <article class="person" aria-labelledby={titleId}>
        <h3 id={titleId}>{d.erasedTitle}</h3>
        <Notice>{fmt(d.erasedText, { n: erased.bookingsCancelled })}</Notice>
      </article>
    );
  }
  return (
    <article class="person" aria-labelledby={titleId}>
      <h3 id={titleId}>{p.name}</h3>
      <p>
        {contact} · {fmt(d.bookings, { n: p.bookings })} · {fmt(d.lastSeen, { at: formatDateTime(p.lastSeenAt, zone, locale.value) })}
      </p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={act.busy}
          onClick={() => void act.run(() => api.privacy.export({ customerId: p.customerId })).then((x) => x && download(`${(p.email ?? p.phone ?? p.customerId).replace(/[^\w.@+-]/g, '_')}.json`, x))}
        >
          {d.export}
        </button>
        <button type="button" class="danger" disabled={act.busy} onClick={() => setAsking(true)} aria-expanded={asking}>
          {d.erase}
        </button>
      </div>
      {asking && (
        <div class="confirm" role="alertdialog" aria-labelledby={`${titleId}-ask`}>
          <p id={`${titleId}-ask`}>
            <strong>{fmt(d.confirmTitle, { name: p.name })}</strong>
          </p>
          <p>{d.confirmText}</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={act.busy}
              onClick={() =>
                void act.run(() => api.privacy.erase({ customerId: p.customerId })).then((r) => {
                  if (!r) return;
                  setErased(r);
                  setAsking(false);
                })
              }
            >
              {d.confirmYes}
            </button>
            <button type="button" class="secondary" disabled={act.busy} onClick={() => setAsking(false)}>
              {t.value.app.cancel}
            </button>
          </div>
        </div>
      )}
      {act.error && <ErrorBox error={act.error} />}
    </article>
  );
}
