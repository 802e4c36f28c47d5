/** Owner: the business's settings (name, address, zone, languages, currency, booking rules, opening hours, closed days). */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { WeeklyHours } from '@frontdesk/shared';
import type { Business } from '../api/contract.js';
import { fieldErrors } from '../api/errors.js';
import { me } from '../app/session.js';
import { fmt, isUiLang, LANG_NAMES, t, UI_LANGS, type UiLang } from '../i18n/index.js';
import { Checkbox, ErrorBox, Field, Loading, Notice, Page, SelectField, Submit, TextField } from '../ui/common.js';
import { HoursEditor, hoursProblems } from '../ui/hours-editor.js';
import { ClosuresEditor, closureProblems, type ClosureRow } from './closures-editor.js';
import { useAction, useResource } from '../ui/resource.js';

const CURRENCIES = ['RUB', 'AMD', 'USD'] as const;
/** How long chat transcripts may be kept, in days (the server's bounds: a week to three years). */
export const RETENTION_DAYS = { min: 7, max: 1095 } as const;

/** The retention field's text as days, or null when it is not a whole number within the bounds. */
export function parseRetentionDays(s: string): number | null {
  const n = Number(s.trim());
  return s.trim() !== '' && Number.isInteger(n) && n >= RETENTION_DAYS.min && n <= RETENTION_DAYS.max ? n : null;
}

/** The zones Intl knows (every modern browser); the current one is kept even if missing. */
function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

/** "1440, 120" → [1440, 120]; null when any part is not a whole number of minutes. */
export function parseMinutesList(s: string): number[] | null {
  const parts = s
    .split(/[,\s;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const nums = parts.map(Number);
  return nums.every((n) => Number.isInteger(n) && n > 0) ? nums : null;
}

/** The fields typed as text (the numeric settings among them are parsed on save). */
type TextField = { [K in keyof FormState]: FormState[K] extends string ? K : never }[keyof FormState];

interface FormState {
  name: string;
  address: string;
  phone: string;
  timeZone: string;
  languages: string[];
  defaultLang: string;
  currency: string;
  brandColor: string;
  minNoticeMin: string;
  horizonDays: string;
  slotStepMin: string;
  cancellationWindowMin: string;
  reminders: string;
  notifyEmail: string;
  feedbackEnabled: boolean;
  noShowFreesSlot: boolean;
  fillGaps: boolean;
  transcriptRetentionDays: string;
  slaHotMin: string;
  slaWarmMin: string;
  slaColdMin: string;
  /** Release unconfirmed slots (issue 17): off = null on the server. */
  releaseOn: boolean;
  releaseHours: string;
  openingHours: WeeklyHours;
  closures: ClosureRow[];
}

function toForm(b: Business): FormState {
  return {
    name: b.name,
    address: b.address ?? '',
    phone: b.phone ?? '',
    timeZone: b.timeZone,
    languages: [...b.languages],
    defaultLang: b.defaultLang,
    currency: b.currency,
    brandColor: b.brandColor,
    minNoticeMin: String(b.minNoticeMin),
    horizonDays: String(b.horizonDays),
    slotStepMin: String(b.slotStepMin),
    cancellationWindowMin: String(b.cancellationWindowMin),
    reminders: b.reminderLeadsMin.join(', '),
    notifyEmail: b.notifyEmail ?? '',
    feedbackEnabled: b.feedbackEnabled,
    noShowFreesSlot: b.noShowFreesSlot,
    fillGaps: b.fillGaps,
    transcriptRetentionDays: String(b.transcriptRetentionDays),
    slaHotMin: String(b.slaHotMin),
    slaWarmMin: String(b.slaWarmMin),
    slaColdMin: String(b.slaColdMin),
    releaseOn: b.releaseUnconfirmedHours !== null,
    releaseHours: String(b.releaseUnconfirmedHours ?? 3),
    openingHours: b.openingHours,
    closures: b.closures,
  };
}

/** The keys of `next` whose value differs from `current` (null and '' count as the same). */
export function changedFields<T extends object>(next: T, current: object): Partial<T> {
  const norm = (v: unknown) => JSON.stringify(v ?? '');
  const cur = current as Record<string, unknown>;
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => norm(v) !== norm(cur[k]))) as Partial<T>;
}

export function BusinessPage() {
  const d = t.value.business;
  const res = useResource(() => api.business.get(), []);
  return (
    <Page title={d.title}>
      {res.error ? <ErrorBox error={res.error} retry={res.reload} /> : !res.data ? <Loading /> : <BusinessForm business={res.data} onSaved={res.set} />}
    </Page>
  );
}

function BusinessForm(props: { business: Business; onSaved: (b: Business) => void }) {
  const d = t.value.business;
  const [f, setF] = useState(() => toForm(props.business));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [closureLocal, setClosureLocal] = useState<Record<number, string>>({});
  const action = useAction();
  useEffect(() => setF(toForm(props.business)), [props.business]);
  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setF({ ...f, [k]: v });
  const errs = (path: string) => [...(local[path] ? [local[path]] : []), ...fieldErrors(action.error?.fields ?? [], path)];

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const int = (k: TextField) => {
      const n = Number(f[k]);
      if (String(f[k]).trim() === '' || !Number.isInteger(n) || n < 0) problems[k] = t.value.app.required;
      return n;
    };
    const reminderLeadsMin = f.reminders.trim() === '' ? [] : parseMinutesList(f.reminders);
    if (reminderLeadsMin === null) problems.reminderLeadsMin = d.remindersHint;
    const transcriptRetentionDays = parseRetentionDays(f.transcriptRetentionDays);
    if (transcriptRetentionDays === null) problems.transcriptRetentionDays = d.retentionBad;
    if (!f.name.trim()) problems.name = t.value.app.required;
    if (f.languages.length === 0) problems.languages = t.value.app.required;
    if (hoursProblems(f.openingHours).length > 0) problems.openingHours = d.openingHoursBad;
    const closedBad = closureProblems(f.closures);
    setClosureLocal(closedBad);
    // SLA targets (issue 17): whole minutes, 1 … 7 days, hot ≤ warm ≤ cold.
    const sla = (k: 'slaHotMin' | 'slaWarmMin' | 'slaColdMin') => {
      const n = Number(f[k]);
      if (!Number.isInteger(n) || n < 1 || n > 10080) problems[k] = fmt(t.value.qualification.numberRange, { min: 1, max: 10080 });
      return n;
    };
    const [slaHotMin, slaWarmMin, slaColdMin] = [sla('slaHotMin'), sla('slaWarmMin'), sla('slaColdMin')];
    if (!problems.slaWarmMin && slaHotMin > slaWarmMin) problems.slaWarmMin = t.value.qualification.slaOrder;
    if (!problems.slaColdMin && slaWarmMin > slaColdMin) problems.slaColdMin = t.value.qualification.slaOrder;
    const releaseHours = Number(f.releaseHours);
    if (f.releaseOn && (!Number.isInteger(releaseHours) || releaseHours < 1 || releaseHours > 72)) problems.releaseUnconfirmedHours = t.value.releaseUnconfirmed.bad;
    const input = {
      name: f.name.trim(),
      address: f.address.trim(),
      phone: f.phone.trim() || null,
      timeZone: f.timeZone,
      languages: f.languages.filter(isUiLang),
      defaultLang: (f.languages.includes(f.defaultLang) ? f.defaultLang : (f.languages[0] ?? f.defaultLang)) as UiLang,
      currency: f.currency as (typeof CURRENCIES)[number],
      brandColor: f.brandColor,
      minNoticeMin: int('minNoticeMin'),
      horizonDays: int('horizonDays'),
      slotStepMin: int('slotStepMin'),
      cancellationWindowMin: int('cancellationWindowMin'),
      reminderLeadsMin: reminderLeadsMin ?? [],
      notifyEmail: f.notifyEmail.trim() || null,
      feedbackEnabled: f.feedbackEnabled,
      noShowFreesSlot: f.noShowFreesSlot,
      fillGaps: f.fillGaps,
      transcriptRetentionDays: transcriptRetentionDays ?? 0,
      slaHotMin,
      slaWarmMin,
      slaColdMin,
      releaseUnconfirmedHours: f.releaseOn ? releaseHours : null,
      openingHours: f.openingHours,
      closures: f.closures.map((c) => ({ from: c.from, to: c.to, note: c.note.trim() })),
    };
    setLocal(problems);
    if (Object.keys(problems).length > 0 || Object.keys(closedBad).length > 0) return;
    // Only what changed: saving the colour also recolours every site's widget (server rule), so an
    // untouched colour must not be sent back.
    const patch = changedFields(input, props.business);
    const saved = await action.run(() => api.business.update(patch));
    if (saved) {
      props.onSaved(saved);
      if (me.value) me.value = { ...me.value, business: { ...me.value.business, name: saved.name, timeZone: saved.timeZone, currency: saved.currency, languages: saved.languages, defaultLang: saved.defaultLang } };
    }
  };

  return (
    <form onSubmit={submit} class="settings">
      <fieldset>
        <legend>{d.general}</legend>
        <TextField label={d.name} required value={f.name} onValue={set('name')} errors={errs('name')} />
        <TextField label={d.address} autocomplete="street-address" value={f.address} onValue={set('address')} errors={errs('address')} />
        <TextField label={d.phone} type="tel" value={f.phone} onValue={set('phone')} errors={errs('phone')} />
        <TextField label={d.notifyEmail} type="email" value={f.notifyEmail} onValue={set('notifyEmail')} errors={errs('notifyEmail')} />
        <SelectField label={d.timeZone} value={f.timeZone} onValue={set('timeZone')} options={timeZones(f.timeZone).map((z) => ({ value: z, label: z }))} errors={errs('timeZone')} />
        <fieldset class="inline-set">
          <legend>{d.languages}</legend>
          {UI_LANGS.map((l) => (
            <Checkbox
              key={l}
              label={LANG_NAMES[l]}
              checked={f.languages.includes(l)}
              onChange={(on) => set('languages')(on ? [...f.languages, l] : f.languages.filter((x) => x !== l))}
            />
          ))}
          {errs('languages').length > 0 && <p class="field-error">{errs('languages').join(' ')}</p>}
        </fieldset>
        <SelectField label={d.defaultLang} value={f.defaultLang} onValue={set('defaultLang')} options={f.languages.map((l) => ({ value: l, label: LANG_NAMES[l as 'en'] ?? l }))} errors={errs('defaultLang')} />
        <SelectField label={d.currency} value={f.currency} onValue={set('currency')} options={CURRENCIES.map((c) => ({ value: c, label: c }))} errors={errs('currency')} />
        <Field label={d.brandColor} errors={errs('brandColor')}>
          {({ id, describedBy }) => <input id={id} type="color" value={f.brandColor} aria-describedby={describedBy} onInput={(e) => set('brandColor')(e.currentTarget.value)} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{d.booking}</legend>
        <TextField label={d.minNotice} type="number" inputMode="numeric" min={0} value={f.minNoticeMin} onValue={set('minNoticeMin')} errors={errs('minNoticeMin')} />
        <TextField label={d.horizon} type="number" inputMode="numeric" min={1} value={f.horizonDays} onValue={set('horizonDays')} errors={errs('horizonDays')} />
        <TextField label={d.slotStep} type="number" inputMode="numeric" min={5} value={f.slotStepMin} onValue={set('slotStepMin')} errors={errs('slotStepMin')} />
        <TextField label={d.cancellationWindow} type="number" inputMode="numeric" min={0} value={f.cancellationWindowMin} onValue={set('cancellationWindowMin')} errors={errs('cancellationWindowMin')} />
        <TextField label={d.reminders} hint={d.remindersHint} value={f.reminders} onValue={set('reminders')} errors={errs('reminderLeadsMin')} />
        <Checkbox label={d.feedback} checked={f.feedbackEnabled} onChange={set('feedbackEnabled')} />
        <Checkbox label={t.value.closures.noShowFrees} checked={f.noShowFreesSlot} onChange={set('noShowFreesSlot')} />
        <p class="hint">{t.value.closures.noShowHint}</p>
        <Checkbox label={d.fillGaps} checked={f.fillGaps} onChange={set('fillGaps')} />
        <p class="hint">{d.fillGapsHint}</p>
        <Checkbox label={t.value.releaseUnconfirmed.on} checked={f.releaseOn} onChange={set('releaseOn')} />
        <p class="hint">{t.value.releaseUnconfirmed.hint}</p>
        {f.releaseOn && (
          <TextField label={t.value.releaseUnconfirmed.hours} type="number" inputMode="numeric" min={1} max={72} value={f.releaseHours} onValue={set('releaseHours')} errors={errs('releaseUnconfirmedHours')} />
        )}
      </fieldset>
      <fieldset>
        <legend>{t.value.qualification.sla}</legend>
        <p class="hint">{t.value.qualification.slaHint}</p>
        <TextField label={t.value.qualification.slaHot} type="number" inputMode="numeric" min={1} value={f.slaHotMin} onValue={set('slaHotMin')} errors={errs('slaHotMin')} />
        <TextField label={t.value.qualification.slaWarm} type="number" inputMode="numeric" min={1} value={f.slaWarmMin} onValue={set('slaWarmMin')} errors={errs('slaWarmMin')} />
        <TextField label={t.value.qualification.slaCold} type="number" inputMode="numeric" min={1} value={f.slaColdMin} onValue={set('slaColdMin')} errors={errs('slaColdMin')} />
      </fieldset>
      <div class="opening-hours">
        <HoursEditor legend={d.openingHours} value={f.openingHours} onValue={set('openingHours')} />
        <p class="hint">{d.openingHoursHint}</p>
        {errs('openingHours').length > 0 && <p class="field-error">{errs('openingHours').join(' ')}</p>}
      </div>
      <fieldset>
        <legend>{d.privacy}</legend>
        <TextField
          label={d.retention}
          hint={d.retentionHint}
          type="number"
          inputMode="numeric"
          value={f.transcriptRetentionDays}
          onValue={set('transcriptRetentionDays')}
          errors={errs('transcriptRetentionDays')}
        />
      </fieldset>
      <ClosuresEditor value={f.closures} onValue={set('closures')} errors={errs} local={closureLocal} />
      {action.error && action.error.fields.length === 0 && <ErrorBox error={action.error} />}
      {action.error && action.error.fields.length > 0 && <ErrorBox error={null} text={t.value.app.invalid} />}
      {action.done && <Notice>{t.value.app.saved}</Notice>}
      <Submit busy={action.busy}>{t.value.app.save}</Submit>
    </form>
  );
}
