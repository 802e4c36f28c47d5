/**
 * Owner: follow-ups (issue 17) — each sequence on or off, the nudge's delay, quiet hours, and the
 * texts per language (empty = the shipped default, shown as the placeholder).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type FollowUpSettings, type FollowUpSettingsView } from '../api/api.js';
import { fieldErrors } from '../api/errors.js';
import { LANG_NAMES, t, UI_LANGS } from '../i18n/index.js';
import { Checkbox, ErrorBox, Field, Loading, Notice, Page, Submit, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

const SEQUENCES = ['nudge', 'quote', 'silent'] as const;

export function FollowUpsPage() {
  const d = t.value.followUps;
  const res = useResource(() => api.followUps.settings(), []);
  return (
    <Page title={d.title}>
      <p class="hint">{d.intro}</p>
      {res.error ? <ErrorBox error={res.error} retry={res.reload} /> : !res.data ? <Loading /> : <FollowUpsForm view={res.data} onSaved={res.set} />}
    </Page>
  );
}

function FollowUpsForm(props: { view: FollowUpSettingsView; onSaved: (v: FollowUpSettingsView) => void }) {
  const d = t.value.followUps;
  const [f, setF] = useState<FollowUpSettings>(props.view.settings);
  const [quiet, setQuiet] = useState(props.view.settings.quietHours !== null);
  const action = useAction();
  useEffect(() => setF(props.view.settings), [props.view]);
  const errs = (path: string) => fieldErrors(action.error?.fields ?? [], path);

  const submit = async (e: Event) => {
    e.preventDefault();
    const saved = await action.run(() => api.followUps.saveSettings({ ...f, quietHours: quiet ? (f.quietHours ?? { from: '21:00', to: '09:00' }) : null }));
    if (saved) props.onSaved(saved);
  };
  const setText = (seq: (typeof SEQUENCES)[number], lang: (typeof UI_LANGS)[number], v: string) =>
    setF({ ...f, texts: { ...f.texts, [seq]: { ...f.texts[seq], [lang]: v } } });

  return (
    <form onSubmit={submit} class="settings">
      {SEQUENCES.map((seq) => (
        <fieldset key={seq}>
          <legend>{d.seq[seq]}</legend>
          <p class="hint">{d.when[seq]}</p>
          <Checkbox label={d.on} checked={f[seq].on} onChange={(on) => setF({ ...f, [seq]: { ...f[seq], on } })} />
          {seq === 'nudge' && (
            <TextField label={d.delay} type="number" inputMode="numeric" min={30} max={60} value={String(f.nudge.delayMin)}
              onValue={(v) => setF({ ...f, nudge: { ...f.nudge, delayMin: Number(v) } })} errors={errs('nudge.delayMin')} hint={d.delayHint} />
          )}
          {UI_LANGS.map((lang) => (
            <Field key={lang} label={`${d.text} (${LANG_NAMES[lang]})`} hint={d.textHint} errors={errs(`texts.${seq}.${lang}`)}>
              {({ id, describedBy, invalid }) => (
                <textarea id={id} rows={3} value={f.texts[seq]?.[lang] ?? ''} placeholder={props.view.defaults[seq][lang]} aria-describedby={describedBy}
                  aria-invalid={invalid || undefined} onInput={(e) => setText(seq, lang, e.currentTarget.value)} />
              )}
            </Field>
          ))}
        </fieldset>
      ))}
      <fieldset>
        <legend>{d.quiet}</legend>
        <Checkbox label={d.quietOn} checked={quiet} onChange={setQuiet} />
        {quiet && (
          <>
            <TextField label={d.quietFrom} type="time" value={f.quietHours?.from ?? '21:00'} onValue={(v) => setF({ ...f, quietHours: { from: v, to: f.quietHours?.to ?? '09:00' } })} errors={errs('quietHours.from')} />
            <TextField label={d.quietTo} type="time" value={f.quietHours?.to ?? '09:00'} onValue={(v) => setF({ ...f, quietHours: { from: f.quietHours?.from ?? '21:00', to: v } })} errors={errs('quietHours.to')} />
          </>
        )}
      </fieldset>
      {action.error && action.error.fields.length === 0 && <ErrorBox error={action.error} />}
      {action.error && action.error.fields.length > 0 && <ErrorBox error={null} text={t.value.app.invalid} />}
      {action.done && <Notice>{t.value.app.saved}</Notice>}
      <Submit busy={action.busy}>{t.value.app.save}</Submit>
    </form>
  );
}
