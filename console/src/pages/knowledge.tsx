/**
 * Owner: the knowledge base (issue 18). The questions visitors asked that nothing answered come
 * first — each turns into an answer in one step (the question is filled in, the owner writes the
 * answer, it is saved and leaves the list) — then the owner's questions and answers per language
 * (add, edit, delete). Services, prices, durations, who does what, opening hours and the address
 * are answered from the settings without any typing: the intro says so.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '@frontdesk/shared';
import { api, type KbEntry, type KbUnanswered } from '../api/api.js';
import type { Service } from '../api/contract.js';
import { fieldErrors } from '../api/errors.js';
import { me } from '../app/session.js';
import { fmt, lang as uiLang, LANG_NAMES, t } from '../i18n/index.js';
import { ErrorBox, Loading, Notice, Page, SelectField, Submit, TextArea, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

interface Draft {
  lang: Lang;
  question: string;
  /** One phrasing per line. */
  phrasings: string;
  answer: string;
  serviceId: string;
}

const emptyDraft = (lang: Lang): Draft => ({ lang, question: '', phrasings: '', answer: '', serviceId: '' });
const toInput = (d: Draft) => ({ lang: d.lang, question: d.question, phrasings: d.phrasings.split('\n').map((p) => p.trim()).filter(Boolean), answer: d.answer, serviceId: d.serviceId || null });

function serviceLabel(s: Service, lang: Lang): string {
  return s.names[lang]?.trim() || s.names.ru?.trim() || s.names.en?.trim() || s.names.hy?.trim() || s.id;
}

export function KnowledgePage() {
  const d = t.value.knowledge;
  const languages = (me.value?.business.languages ?? ['ru', 'hy', 'en']);
  const entries = useResource(() => api.knowledge.list(), []);
  const unanswered = useResource(() => api.knowledge.unanswered(), []);
  const services = useResource(() => api.services.list(), []);
  const [shown, setShown] = useState<Lang>(languages.includes(uiLang.value) ? (uiLang.value) : languages[0]!);
  const reload = () => (entries.reload(), unanswered.reload());
  const failed = entries.error ?? unanswered.error ?? services.error;
  return (
    <Page title={d.title}>
      <p class="hint">{d.intro}</p>
      {failed ? (
        <ErrorBox error={failed} retry={() => (reload(), services.reload())} />
      ) : !entries.data || !unanswered.data || !services.data ? (
        <Loading />
      ) : (
        <>
          <Unanswered items={unanswered.data} services={services.data} onChanged={reload} />
          <section class="panel" aria-labelledby="kb-entries-title">
            <h2 id="kb-entries-title">{d.entries}</h2>
            <div class="actions" role="group" aria-label={d.language}>
              {languages.map((l) => (
                <button key={l} type="button" class={l === shown ? 'primary' : 'secondary'} aria-pressed={l === shown} onClick={() => setShown(l)}>
                  {fmt(d.inLang, { lang: LANG_NAMES[l] ?? l, n: entries.data!.filter((e) => e.lang === l).length })}
                </button>
              ))}
            </div>
            {entries.data.filter((e) => e.lang === shown).length === 0 ? (
              <p>{d.none}</p>
            ) : (
              <ul class="kb-entries">
                {entries.data
                  .filter((e) => e.lang === shown)
                  .map((e) => (
                    <Entry key={e.id} entry={e} services={services.data!} onChanged={entries.reload} />
                  ))}
              </ul>
            )}
          </section>
          <section class="panel" aria-labelledby="kb-add-title">
            <h2 id="kb-add-title">{d.add}</h2>
            <EntryForm
              key={shown}
              initial={emptyDraft(shown)}
              languages={languages}
              services={services.data}
              submit={d.add}
              save={(draft) => api.knowledge.create(toInput(draft))}
              onSaved={entries.reload}
              clearOnSave
            />
          </section>
        </>
      )}
    </Page>
  );
}

function Unanswered(props: { items: KbUnanswered[]; services: Service[]; onChanged: () => void }) {
  const d = t.value.knowledge;
  const [open, setOpen] = useState<string | null>(null);
  const act = useAction();
  return (
    <section class="panel" aria-labelledby="kb-unanswered-title">
      <h2 id="kb-unanswered-title">{d.unanswered}</h2>
      <p class="hint">{d.unansweredIntro}</p>
      {act.error && <ErrorBox error={act.error} />}
      {props.items.length === 0 ? (
        <p>{d.noUnanswered}</p>
      ) : (
        <ul class="kb-unanswered">
          {props.items.map((u) => (
            <li key={u.id}>
              <p>
                <strong lang={u.lang}>{u.question}</strong> <span class="hint">{fmt(d.asked, { lang: LANG_NAMES[u.lang] ?? u.lang, n: u.count })}</span>
              </p>
              {open === u.id ? (
                <EntryForm
                  initial={{ ...emptyDraft(u.lang), question: u.question }}
                  languages={[u.lang]}
                  services={props.services}
                  submit={d.saveAnswer}
                  save={(draft) => api.knowledge.create({ ...toInput(draft), fromUnanswered: u.id })}
                  onSaved={() => (setOpen(null), props.onChanged())}
                  onCancel={() => setOpen(null)}
                  focusAnswer
                />
              ) : (
                <div class="actions">
                  <button type="button" class="primary" onClick={() => setOpen(u.id)}>
                    {d.answer}
                  </button>
                  <button type="button" class="secondary" disabled={act.busy} onClick={() => void act.run(() => api.knowledge.dismiss({ id: u.id })).then((r) => r && props.onChanged())}>
                    {d.dismiss}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Entry(props: { entry: KbEntry; services: Service[]; onChanged: () => void }) {
  const d = t.value.knowledge;
  const e = props.entry;
  const [editing, setEditing] = useState(false);
  const act = useAction();
  const service = props.services.find((s) => s.id === e.serviceId);
  if (editing) {
    return (
      <li>
        <EntryForm
          initial={{ lang: e.lang, question: e.question, phrasings: e.phrasings.join('\n'), answer: e.answer, serviceId: e.serviceId ?? '' }}
          languages={[e.lang]}
          services={props.services}
          submit={t.value.app.save}
          save={(draft) => api.knowledge.update({ id: e.id, ...toInput(draft) })}
          onSaved={() => (setEditing(false), props.onChanged())}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li lang={e.lang}>
      <h3>{e.question}</h3>
      {e.phrasings.length > 0 && <p class="hint">{fmt(d.alsoAsked, { list: e.phrasings.join(' · ') })}</p>}
      <p class="kb-answer">{e.answer}</p>
      {service && <p class="hint">{fmt(d.bookOffered, { service: serviceLabel(service, e.lang) })}</p>}
      {act.error && <ErrorBox error={act.error} />}
      <div class="actions" lang={uiLang.value}>
        <button type="button" class="secondary" onClick={() => setEditing(true)}>
          {d.edit}
        </button>
        <button
          type="button"
          class="danger"
          disabled={act.busy}
          onClick={() => {
            if (confirm(fmt(d.confirmDelete, { question: e.question }))) void act.run(() => api.knowledge.remove({ id: e.id })).then((r) => r && props.onChanged());
          }}
        >
          {d.delete}
        </button>
      </div>
    </li>
  );
}

function EntryForm(props: {
  initial: Draft;
  languages: Lang[];
  services: Service[];
  submit: string;
  save: (d: Draft) => Promise<unknown>;
  onSaved: () => void;
  onCancel?: () => void;
  clearOnSave?: boolean;
  focusAnswer?: boolean;
}) {
  const d = t.value.knowledge;
  const [f, setF] = useState<Draft>(props.initial);
  const action = useAction();
  const errs = (p: string) => fieldErrors(action.error?.fields ?? [], p);
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setF((x) => ({ ...x, [k]: v }));
  const serviceErrors = action.error?.reason === 'SERVICE_NOT_FOUND' ? [d.noSuchService] : errs('serviceId');
  return (
    <form
      class="kb-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        void action.run(() => props.save(f)).then((r) => {
          if (r === undefined) return;
          if (props.clearOnSave) setF(props.initial);
          props.onSaved();
        });
      }}
    >
      {props.languages.length > 1 && (
        <SelectField label={d.language} value={f.lang} onValue={set('lang')} options={props.languages.map((l) => ({ value: l, label: LANG_NAMES[l] ?? l }))} errors={errs('lang')} />
      )}
      <TextField label={d.question} value={f.question} onValue={set('question')} errors={errs('question')} maxLength={300} required />
      <TextArea label={d.phrasings} hint={d.phrasingsHint} value={f.phrasings} onValue={set('phrasings')} errors={errs('phrasings')} rows={2} />
      <AnswerArea label={d.answerLabel} value={f.answer} onValue={set('answer')} errors={errs('answer')} autoFocus={!!props.focusAnswer} />
      <SelectField
        label={d.service}
        hint={d.serviceHint}
        value={f.serviceId}
        onValue={set('serviceId')}
        options={[{ value: '', label: d.noService }, ...props.services.map((s) => ({ value: s.id, label: serviceLabel(s, f.lang) }))]}
        errors={serviceErrors}
      />
      {action.error && action.error.fields.length === 0 && action.error.reason !== 'SERVICE_NOT_FOUND' && <ErrorBox error={action.error} />}
      {action.done && !props.onCancel && <Notice>{t.value.app.saved}</Notice>}
      <div class="actions">
        <Submit busy={action.busy}>{props.submit}</Submit>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t.value.app.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

/** The answer box; focused when the owner opened it from an unanswered question (one step: type, save). */
function AnswerArea(props: { label: string; value: string; onValue: (v: string) => void; errors: string[]; autoFocus: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.autoFocus) box.current?.querySelector('textarea')?.focus();
  }, []);
  return (
    <div ref={box}>
      <TextArea label={props.label} value={props.value} onValue={props.onValue} errors={props.errors} rows={4} required />
    </div>
  );
}
