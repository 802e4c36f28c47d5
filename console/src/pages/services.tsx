/** Owner: services (per-language names, duration, buffers, price or range, performers). */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { Lang, Localized } from '@frontdesk/shared';
import type { Service, StaffMember } from '../api/contract.js';
import { fieldErrors } from '../api/errors.js';
import { me } from '../app/session.js';
import { fmt, lang, LANG_NAMES, locale, t } from '../i18n/index.js';
import { formatMoney } from '../lib/format.js';
import { Checkbox, ErrorBox, Loading, Notice, Page, Submit, TextField } from '../ui/common.js';
import { cleanLocalized, LocalizedFields, pickText } from '../ui/localized.js';
import { useAction, useResource } from '../ui/resource.js';

export function priceText(s: Pick<Service, 'priceMin' | 'priceMax'>, currency: string, loc: string): string {
  const min = formatMoney(s.priceMin, currency, loc);
  return s.priceMax !== null && s.priceMax !== s.priceMin ? `${min} – ${formatMoney(s.priceMax, currency, loc)}` : min;
}

/**
 * The site's languages a service has no name in, and the name visitors in them see instead (the
 * business's language first, as the chat falls back: domain/conversation/names.ts).
 */
export function missingNames(names: Localized, langs: readonly Lang[], defaultLang: Lang): { langs: Lang[]; shown: string } | null {
  const has = (l: Lang) => !!names[l]?.trim();
  const missing = langs.filter((l) => !has(l));
  if (missing.length === 0) return null;
  const from = has(defaultLang) ? defaultLang : langs.find(has) ?? (['ru', 'hy', 'en'] as const).find(has);
  return { langs: missing, shown: from ? names[from]!.trim() : '' };
}

export function ServicesPage() {
  const d = t.value.services;
  const services = useResource(() => api.services.list(), []);
  const staff = useResource(() => api.staff.list(), []);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const { currency, languages, defaultLang } = me.value!.business;
  const c = t.value.chatDetails;
  const gaps = (s: Service) => (s.active ? missingNames(s.names, languages, defaultLang) : null);
  return (
    <Page
      title={d.title}
      actions={
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {d.add}
        </button>
      }
    >
      {editing && (
        <ServiceForm
          key={editing === 'new' ? 'new' : editing.id}
          service={editing === 'new' ? null : editing}
          staff={staff.data ?? []}
          onDone={() => {
            setEditing(null);
            services.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {services.data?.some(gaps) && <p class="warn-box" role="note">{c.missingNames}</p>}
      {services.error ? (
        <ErrorBox error={services.error} retry={services.reload} />
      ) : !services.data ? (
        <Loading />
      ) : services.data.length === 0 ? (
        <p class="muted">{t.value.app.none}</p>
      ) : (
        <ul class="rows">
          {services.data.map((s) => (
            <li key={s.id} class={s.active ? 'row' : 'row inactive'}>
              <div>
                <strong>{pickText(s.names, lang.value)}</strong>
                <span class="muted">
                  {' · '}
                  {fmt(d.minutes, { n: s.durationMin })} · {priceText(s, currency, locale.value)}
                  {!s.active && ` · ${d.archived}`}
                </span>
                {gaps(s) && <p class="warn">{fmt(c.missingName, { langs: gaps(s)!.langs.map((l) => LANG_NAMES[l]).join(', '), name: gaps(s)!.shown })}</p>}
              </div>
              <button type="button" class="secondary" onClick={() => setEditing(s)} aria-label={`${t.value.app.edit}: ${pickText(s.names, lang.value)}`}>
                {t.value.app.edit}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function ServiceForm(props: { service: Service | null; staff: StaffMember[]; onDone: () => void; onCancel: () => void }) {
  const d = t.value.services;
  const langs = me.value!.business.languages;
  const s = props.service;
  const [names, setNames] = useState<Localized>(s?.names ?? {});
  const [descriptions, setDescriptions] = useState<Localized>(s?.descriptions ?? {});
  const [duration, setDuration] = useState(String(s?.durationMin ?? 60));
  const [before, setBefore] = useState(String(s?.bufferBeforeMin ?? 0));
  const [after, setAfter] = useState(String(s?.bufferAfterMin ?? 0));
  const [priceMin, setPriceMin] = useState(String(s?.priceMin ?? ''));
  const [priceMax, setPriceMax] = useState(s?.priceMax === null || s?.priceMax === undefined ? '' : String(s.priceMax));
  const [active, setActive] = useState(s?.active ?? true);
  const [staffIds, setStaffIds] = useState<string[]>(s?.staffIds ?? props.staff.filter((x) => x.active).map((x) => x.id));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useAction();
  const archive = useAction();
  const errs = (p: string) => [...(local[p] ? [local[p]] : []), ...fieldErrors(save.error?.fields ?? [], p)];

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const int = (v: string, path: string, required = true) => {
      if (v.trim() === '' && !required) return null;
      const n = Number(v);
      if (v.trim() === '' || !Number.isInteger(n) || n < 0) problems[path] = t.value.app.required;
      return n;
    };
    const cleanNames = cleanLocalized(names);
    if (!cleanNames) problems.names = t.value.app.required;
    const input = {
      ...(s ? { id: s.id } : {}),
      names: cleanNames ?? {},
      descriptions: cleanLocalized(descriptions) ?? null,
      durationMin: int(duration, 'durationMin') ?? 0,
      bufferBeforeMin: int(before, 'bufferBeforeMin') ?? 0,
      bufferAfterMin: int(after, 'bufferAfterMin') ?? 0,
      priceMin: int(priceMin, 'priceMin') ?? 0,
      priceMax: int(priceMax, 'priceMax', false),
      active,
      staffIds,
    };
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (await save.run(() => api.services.save(input))) props.onDone();
  };

  return (
    <section class="panel" aria-labelledby="service-form-title">
      <h2 id="service-form-title">{s ? d.editing : d.creating}</h2>
      <form onSubmit={submit}>
        <LocalizedFields label={d.name} langs={langs} value={names} onValue={setNames} errors={(l) => [...errs('names'), ...fieldErrors(save.error?.fields ?? [], `names.${l}`)].filter((x, i, a) => a.indexOf(x) === i)} />
        <LocalizedFields label={d.description} langs={langs} value={descriptions} onValue={setDescriptions} multiline />
        <div class="grid3">
          <TextField label={d.duration} type="number" inputMode="numeric" min={5} required value={duration} onValue={setDuration} errors={errs('durationMin')} />
          <TextField label={d.bufferBefore} type="number" inputMode="numeric" min={0} value={before} onValue={setBefore} errors={errs('bufferBeforeMin')} />
          <TextField label={d.bufferAfter} type="number" inputMode="numeric" min={0} value={after} onValue={setAfter} errors={errs('bufferAfterMin')} />
          <TextField label={`${d.price} (${me.value!.business.currency})`} type="number" inputMode="numeric" min={0} required value={priceMin} onValue={setPriceMin} errors={errs('priceMin')} />
          <TextField label={d.priceMax} type="number" inputMode="numeric" min={0} value={priceMax} onValue={setPriceMax} errors={errs('priceMax')} />
        </div>
        <fieldset class="inline-set">
          <legend>{d.performers}</legend>
          {props.staff.map((m) => (
            <Checkbox key={m.id} label={m.name} checked={staffIds.includes(m.id)} onChange={(on) => setStaffIds(on ? [...staffIds, m.id] : staffIds.filter((x) => x !== m.id))} />
          ))}
          {errs('staffIds').length > 0 && <p class="field-error">{errs('staffIds').join(' ')}</p>}
        </fieldset>
        <Checkbox label={d.active} checked={active} onChange={setActive} />
        {save.error && <ErrorBox error={save.error.fields.length ? null : save.error} text={save.error.fields.length ? t.value.app.invalid : undefined} />}
        <ErrorBox error={archive.error} />
        {save.done && <Notice>{t.value.app.saved}</Notice>}
        <div class="actions">
          <Submit busy={save.busy}>{t.value.app.save}</Submit>
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t.value.app.cancel}
          </button>
          {s?.active && (
            <button type="button" class="danger" disabled={archive.busy} onClick={() => void archive.run(() => api.services.archive({ id: s.id })).then((r) => r !== undefined && props.onDone())}>
              {d.archive}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
