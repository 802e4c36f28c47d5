/**
 * Owner: the quote-tree editor, as a form (never raw JSON). Every tree of a site is edited in
 * tree-form.ts's string-based state, converted with toTree on save; conversion problems and
 * the server's validation errors (same paths: trees.0.questions.2.options.1.label) appear next
 * to their fields. The preview runs the tree being edited through quoteTrees.preview step by
 * step, showing what a visitor would see: the range, then the final price or a hand-off.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { Lang } from '@frontdesk/shared';
import type { QuoteEvaluation, QuoteTree, Service } from '../api/contract.js';
import { fieldErrors, type ApiError, type FieldError } from '../api/errors.js';
import { me } from '../app/session.js';
import { fmt, labelled, lang, LANG_NAMES, locale, t, type UiLang } from '../i18n/index.js';
import { formatMoney } from '../lib/format.js';
import { newOption, newQuestion, newTree, nextNumber, toForm, toTree, type LocalizedForm, type OptionForm, type QuestionForm, type TreeForm } from '../quote/tree-form.js';
import { fieldText } from '../api/field-text.js';
import { Checkbox, ErrorBox, errorText, Field, Loading, Notice, Page, SelectField, Submit, TextField } from '../ui/common.js';
import { pickText } from '../ui/localized.js';
import { RemoveButton } from '../ui/remove-button.js';
import { useAction, useResource } from '../ui/resource.js';

type Errs = (path: string) => string[];

export function QuoteTreesPage() {
  const d = t.value.quote;
  const sites = useResource(() => api.sites.list(), []);
  const services = useResource(() => api.services.list(), []);
  const [siteId, setSiteId] = useState('');
  const current = siteId || sites.data?.[0]?.id || '';
  return (
    <Page title={d.title}>
      {sites.error ? (
        <ErrorBox error={sites.error} retry={sites.reload} />
      ) : !sites.data ? (
        <Loading />
      ) : sites.data.length === 0 ? (
        <p>
          {d.noSite} <a href="#/settings/sites">{t.value.nav.sites}</a>
        </p>
      ) : (
        <>
          {sites.data.length > 1 && (
            <SelectField class="inline" label={d.site} value={current} onValue={setSiteId} options={sites.data.map((s) => ({ value: s.id, label: s.siteKey }))} />
          )}
          <SiteTrees key={current} siteId={current} services={services.data ?? []} />
        </>
      )}
    </Page>
  );
}

function SiteTrees(props: { siteId: string; services: Service[] }) {
  const d = t.value.quote;
  const res = useResource(() => api.quoteTrees.get({ siteId: props.siteId }), [props.siteId]);
  if (res.error) return <ErrorBox error={res.error} retry={res.reload} />;
  if (!res.data) return <Loading />;
  return <TreesEditor siteId={props.siteId} trees={res.data.trees} services={props.services} onSaved={(trees) => res.set({ trees })} emptyText={d.noTrees} />;
}

function TreesEditor(props: { siteId: string; trees: QuoteTree[]; services: Service[]; onSaved: (t: QuoteTree[]) => void; emptyText: string }) {
  const d = t.value.quote;
  const business = me.value!.business;
  const [forms, setForms] = useState<TreeForm[]>(() => props.trees.map(toForm));
  const [selected, setSelected] = useState(0);
  const [local, setLocal] = useState<FieldError[]>([]);
  const save = useAction();
  const serverFields = save.error?.fields ?? [];
  // The form's and the server's messages, in the console's language (api/field-text.ts).
  const errs: Errs = (path) => [...fieldErrors(local, path), ...fieldErrors(serverFields, path)];
  const form = forms[selected];

  const edit = (fn: (f: TreeForm) => void) => {
    const copy = structuredClone(forms);
    fn(copy[selected]!);
    setForms(copy);
  };
  const addTree = () => {
    const defaults = {
      defaultLang: (['ru', 'hy', 'en'].includes(business.defaultLang) ? business.defaultLang : 'en'),
      currency: (['RUB', 'AMD', 'USD'].includes(business.currency) ? business.currency : 'USD') as QuoteTree['currency'],
      serviceId: props.services.find((s) => s.active)?.id ?? '',
    };
    setForms([...forms, newTree(nextNumber('quote', forms.map((f) => f.id)), defaults)]);
    setSelected(forms.length);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const converted = forms.map(toTree);
    const problems = converted.flatMap((c, i) => c.errors.map((x) => ({ path: `trees.${i}.${x.path}`, message: x.message })));
    setLocal(problems);
    save.reset();
    if (problems.length > 0) return;
    const r = await save.run(() => api.quoteTrees.save({ siteId: props.siteId, trees: converted.map((c) => c.tree) }));
    if (r) props.onSaved(r.trees);
  };
  const allErrors = [...local, ...serverFields];
  const treeHasErrors = (i: number) => allErrors.some((f) => f.path.startsWith(`trees.${i}.`) || f.path === `trees.${i}`);

  return (
    <div class="quote-editor">
      <div class="tree-tabs" role="group" aria-label={d.trees}>
        {forms.map((f, i) => (
          <button key={i} type="button" aria-pressed={i === selected} class={treeHasErrors(i) ? 'has-errors' : ''} onClick={() => setSelected(i)}>
            {pickText(f.title, lang.value) || fmt(t.value.chatDetails.untitled, { n: i + 1 })}
          </button>
        ))}
        <button type="button" class="secondary" onClick={addTree}>
          + {d.addTree}
        </button>
      </div>
      {forms.length === 0 && <p class="muted">{props.emptyText}</p>}
      <form onSubmit={submit} class="quote-form">
        {form && <TreeFields key={selected} form={form} index={selected} edit={edit} errs={errs} services={props.services} />}
        {allErrors.length > 0 && <ErrorBox error={null} text={`${t.value.app.invalid} (${allErrors.length})`} />}
        {save.error && save.error.fields.length === 0 && <ErrorBox error={save.error} />}
        {save.done && <Notice>{t.value.app.saved}</Notice>}
        <div class="actions">
          <Submit busy={save.busy}>{t.value.app.save}</Submit>
          {form && (
            <RemoveButton
              class="apart"
              label={d.removeTree}
              ask={fmt(t.value.chatDetails.removeAsk, { name: pickText(form.title, lang.value) || fmt(t.value.chatDetails.untitled, { n: selected + 1 }) })}
              onRemove={() => {
                setForms(forms.filter((_, i) => i !== selected));
                setSelected(Math.max(0, selected - 1));
              }}
            />
          )}
        </div>
      </form>
      {form && <Preview key={selected} form={form} />}
    </div>
  );
}

function LocalizedGroup(props: { label: string; value: LocalizedForm; onValue: (v: LocalizedForm) => void; path: string; errs: Errs; required?: boolean }) {
  const langs = me.value!.business.languages.filter((l): l is UiLang => l === 'ru' || l === 'hy' || l === 'en');
  const own = props.errs(props.path).filter((m) => !langs.some((l) => props.errs(`${props.path}.${l}`).includes(m)));
  return (
    <div class="localized">
      {langs.map((l, i) => (
        <TextField
          key={l}
          lang={l}
          label={fmt(props.label, { lang: LANG_NAMES[l] })}
          value={props.value[l]}
          onValue={(v) => props.onValue({ ...props.value, [l]: v })}
          errors={[...props.errs(`${props.path}.${l}`), ...(i === 0 ? own : [])]}
        />
      ))}
    </div>
  );
}

function TreeFields(props: { form: TreeForm; index: number; edit: (fn: (f: TreeForm) => void) => void; errs: Errs; services: Service[] }) {
  const d = t.value.quote;
  const { form, edit } = props;
  const p = (s: string) => `trees.${props.index}.${s}`;
  const serviceOptions = props.services.map((s) => ({ value: s.id, label: pickText(s.names, lang.value) || s.id }));
  if (form.serviceId && !serviceOptions.some((o) => o.value === form.serviceId)) serviceOptions.unshift({ value: form.serviceId, label: form.serviceId });
  return (
    <>
      <fieldset>
        <legend>{pickText(form.title, lang.value) || fmt(t.value.chatDetails.untitled, { n: props.index + 1 })}</legend>
        <div class="grid3">
          <SelectField label={d.service} value={form.serviceId} onValue={(v) => edit((f) => void (f.serviceId = v))} options={serviceOptions} errors={props.errs(p('serviceId'))} />
          <SelectField
            label={d.defaultLang}
            value={form.defaultLang}
            onValue={(v) => edit((f) => void (f.defaultLang = v))}
            options={(['ru', 'hy', 'en'] as const).map((l) => ({ value: l, label: LANG_NAMES[l] }))}
          />
          <SelectField label={d.currency} value={form.currency} onValue={(v) => edit((f) => void (f.currency = v))} options={(['RUB', 'AMD', 'USD'] as const).map((c) => ({ value: c, label: c }))} />
          <TextField label={d.basePrice} inputMode="numeric" value={form.basePrice} onValue={(v) => edit((f) => void (f.basePrice = v))} errors={props.errs(p('basePrice'))} />
          <TextField label={d.roundTo} inputMode="numeric" value={form.roundTo} onValue={(v) => edit((f) => void (f.roundTo = v))} errors={props.errs(p('roundTo'))} />
        </div>
        <LocalizedGroup label={d.treeTitle} value={form.title} onValue={(v) => edit((f) => void (f.title = v))} path={p('title')} errs={props.errs} />
      </fieldset>
      <h2>{d.questions}</h2>
      {props.errs(p('questions')).length > 0 && <p class="field-error">{fieldErrorsOnly(props.errs, p('questions'), form.questions.length).join(' ')}</p>}
      <ol class="questions">
        {form.questions.map((q, i) => (
          <li key={i}>
            <QuestionFields
              q={q}
              index={i}
              count={form.questions.length}
              earlier={form.questions.slice(0, i)}
              path={p(`questions.${i}`)}
              errs={props.errs}
              services={serviceOptions}
              edit={(fn) => edit((f) => fn(f.questions[i]!))}
              move={(delta) =>
                edit((f) => {
                  const [item] = f.questions.splice(i, 1);
                  f.questions.splice(i + delta, 0, item!);
                })
              }
              remove={() => edit((f) => void f.questions.splice(i, 1))}
            />
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" onClick={() => edit((f) => void f.questions.push(newQuestion(nextNumber('question', f.questions.map((x) => x.id)))))}>
        + {d.addQuestion}
      </button>
    </>
  );
}

/** Errors on the questions list itself, not on one question (those show beside it). */
function fieldErrorsOnly(errs: Errs, path: string, n: number): string[] {
  const below = new Set(Array.from({ length: n }, (_, i) => errs(`${path}.${i}`)).flat());
  return errs(path).filter((m) => !below.has(m));
}

function QuestionFields(props: {
  q: QuestionForm;
  index: number;
  count: number;
  earlier: QuestionForm[];
  path: string;
  errs: Errs;
  services: { value: string; label: string }[];
  edit: (fn: (q: QuestionForm) => void) => void;
  move: (delta: number) => void;
  remove: () => void;
}) {
  const d = t.value.quote;
  const { q, edit, path, errs } = props;
  const title = fmt(d.question, { n: props.index + 1 });
  const choiceEarlier = props.earlier.filter((e) => e.type === 'choice');
  const ref = choiceEarlier.find((e) => e.id === q.whenQuestionId);
  return (
    <fieldset class="question">
      <legend>
        {pickText(q.text, lang.value) ? labelled(title, pickText(q.text, lang.value)) : title}
      </legend>
      <div class="actions">
        <button type="button" class="secondary small" disabled={props.index === 0} aria-label={`${d.moveUp}: ${title}`} onClick={() => props.move(-1)}>
          ↑ {d.moveUp}
        </button>
        <button type="button" class="secondary small" disabled={props.index === props.count - 1} aria-label={`${d.moveDown}: ${title}`} onClick={() => props.move(1)}>
          ↓ {d.moveDown}
        </button>
        <RemoveButton class="apart" small label={d.removeQuestion} named={title} ask={fmt(t.value.chatDetails.removeAsk, { name: title })} onRemove={props.remove} />
      </div>
      <div class="grid3">
        <SelectField
          label={d.type}
          value={q.type}
          onValue={(v) =>
            edit((x) => {
              x.type = v;
              if (v === 'choice' && x.options.length < 2) x.options = [newOption(1), newOption(2)];
            })
          }
          options={[
            { value: 'choice', label: d.choice },
            { value: 'number', label: d.number },
          ]}
        />
        <SelectField
          label={d.stage}
          value={q.stage}
          onValue={(v) => edit((x) => void (x.stage = v))}
          options={[
            { value: 'scoping', label: d.scoping },
            { value: 'clarifying', label: d.clarifying },
          ]}
          errors={errs(`${path}.stage`)}
        />
      </div>
      <LocalizedGroup label={d.text} value={q.text} onValue={(v) => edit((x) => void (x.text = v))} path={`${path}.text`} errs={errs} />
      <LocalizedGroup label={d.factor} value={q.factor} onValue={(v) => edit((x) => void (x.factor = v))} path={`${path}.factor`} errs={errs} />
      {choiceEarlier.length > 0 && (
        <div class="when">
          <SelectField
            label={d.when}
            value={q.whenQuestionId}
            onValue={(v) =>
              edit((x) => {
                x.whenQuestionId = v;
                x.whenAnyOf = [];
              })
            }
            options={[{ value: '', label: d.always }, ...choiceEarlier.map((e) => ({ value: e.id, label: fmt(t.value.chatDetails.questionNamed, { n: props.earlier.indexOf(e) + 1, text: pickText(e.text, lang.value) }) }))]}
            errors={errs(`${path}.when.questionId`)}
          />
          {ref && (
            <fieldset class="inline-set">
              <legend>{d.anyOf}</legend>
              {ref.options.map((o) => (
                <Checkbox
                  key={o.id}
                  label={pickText(o.label, lang.value) || fmt(d.option, { n: ref.options.indexOf(o) + 1 })}
                  checked={q.whenAnyOf.includes(o.id)}
                  onChange={(on) => edit((x) => void (x.whenAnyOf = on ? [...x.whenAnyOf, o.id] : x.whenAnyOf.filter((y) => y !== o.id)))}
                />
              ))}
              {errs(`${path}.when`).length > 0 && <p class="field-error">{errs(`${path}.when`).filter((m) => !errs(`${path}.when.questionId`).includes(m)).join(' ')}</p>}
            </fieldset>
          )}
        </div>
      )}
      {q.type === 'choice' ? (
        <fieldset class="options">
          <legend>{d.options}</legend>
          {errs(`${path}.options`).length > 0 && (
            <p class="field-error">{fieldErrorsOnly(errs, `${path}.options`, q.options.length).join(' ')}</p>
          )}
          {q.options.map((o, j) => (
            <OptionFields
              key={j}
              o={o}
              index={j}
              path={`${path}.options.${j}`}
              errs={errs}
              services={props.services}
              edit={(fn) => edit((x) => fn(x.options[j]!))}
              remove={q.options.length > 2 ? () => edit((x) => void x.options.splice(j, 1)) : undefined}
            />
          ))}
          <button type="button" class="secondary small" onClick={() => edit((x) => void x.options.push(newOption(nextNumber('option', x.options.map((o) => o.id)))))}>
            + {d.addOption}
          </button>
        </fieldset>
      ) : (
        <NumberFields q={q} path={path} errs={errs} edit={edit} />
      )}
    </fieldset>
  );
}

function OptionFields(props: {
  o: OptionForm;
  index: number;
  path: string;
  errs: Errs;
  services: { value: string; label: string }[];
  edit: (fn: (o: OptionForm) => void) => void;
  remove: (() => void) | undefined;
}) {
  const d = t.value.quote;
  const { o, edit, path, errs } = props;
  const title = fmt(d.option, { n: props.index + 1 });
  return (
    <fieldset class="option">
      <legend>
        {pickText(o.label, lang.value) ? `${title}: ${pickText(o.label, lang.value)}` : title}
      </legend>
      <div class="grid3">
        <TextField label={d.add} inputMode="numeric" value={o.add} onValue={(v) => edit((x) => void (x.add = v))} errors={errs(`${path}.price.add`)} />
        <TextField label={d.multiply} inputMode="decimal" value={o.multiply} onValue={(v) => edit((x) => void (x.multiply = v))} errors={errs(`${path}.price.multiply`)} />
        <SelectField
          label={d.optionService}
          value={o.serviceId}
          onValue={(v) => edit((x) => void (x.serviceId = v))}
          options={[{ value: '', label: d.sameService }, ...props.services]}
          errors={errs(`${path}.serviceId`)}
        />
      </div>
      <LocalizedGroup label={d.label} value={o.label} onValue={(v) => edit((x) => void (x.label = v))} path={`${path}.label`} errs={errs} />
      <Checkbox label={d.handoff} checked={o.handoff} onChange={(v) => edit((x) => void (x.handoff = v))} />
      {o.handoff && <LocalizedGroup label={d.handoffReason} value={o.handoffReason} onValue={(v) => edit((x) => void (x.handoffReason = v))} path={`${path}.handoff.reason`} errs={errs} />}
      {props.remove && (
        <RemoveButton small label={d.removeOption} named={title} ask={fmt(t.value.chatDetails.removeAsk, { name: title })} onRemove={props.remove} />
      )}
    </fieldset>
  );
}

function NumberFields(props: { q: QuestionForm; path: string; errs: Errs; edit: (fn: (q: QuestionForm) => void) => void }) {
  const d = t.value.quote;
  const { q, edit, path, errs } = props;
  return (
    <>
      <div class="grid3">
        <TextField label={d.min} inputMode="numeric" value={q.min} onValue={(v) => edit((x) => void (x.min = v))} errors={errs(`${path}.min`)} />
        <TextField label={d.max} inputMode="numeric" value={q.max} onValue={(v) => edit((x) => void (x.max = v))} errors={errs(`${path}.max`)} />
        <TextField label={d.step} inputMode="numeric" value={q.step} onValue={(v) => edit((x) => void (x.step = v))} errors={errs(`${path}.step`)} />
        <SelectField
          label={d.pricing}
          value={q.pricing}
          onValue={(v) => edit((x) => void (x.pricing = v))}
          options={[
            { value: 'quantity', label: d.quantity },
            { value: 'perUnit', label: d.perUnit },
          ]}
        />
        {q.pricing === 'perUnit' && (
          <TextField label={d.amount} inputMode="numeric" value={q.perUnitAmount} onValue={(v) => edit((x) => void (x.perUnitAmount = v))} errors={errs(`${path}.pricing.amount`)} />
        )}
        <TextField label={d.handoffAbove} inputMode="numeric" value={q.handoffAbove} onValue={(v) => edit((x) => void (x.handoffAbove = v))} errors={errs(`${path}.handoffAbove.value`)} />
      </div>
      <LocalizedGroup label={d.unit} value={q.unit} onValue={(v) => edit((x) => void (x.unit = v))} path={`${path}.unit`} errs={errs} />
      {q.handoffAbove.trim() !== '' && (
        <LocalizedGroup label={d.handoffReason} value={q.handoffAboveReason} onValue={(v) => edit((x) => void (x.handoffAboveReason = v))} path={`${path}.handoffAbove.reason`} errs={errs} />
      )}
    </>
  );
}

/** Runs the edited tree like the widget would: one question at a time, answers resent each step. */
function Preview(props: { form: TreeForm }) {
  const d = t.value.quote;
  const langs = me.value!.business.languages.filter((l): l is Lang => l === 'ru' || l === 'hy' || l === 'en');
  const [previewLang, setPreviewLang] = useState<Lang>(langs.includes(lang.value) ? lang.value : (langs[0] ?? 'en'));
  const [answers, setAnswers] = useState<Record<string, string | number>>({});
  const [result, setResult] = useState<QuoteEvaluation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [numberAnswer, setNumberAnswer] = useState('');
  const converted = toTree(props.form);
  const key = JSON.stringify(converted.tree);

  useEffect(() => {
    if (converted.errors.length > 0) return;
    let stale = false;
    setBusy(true);
    api.quoteTrees.preview({ tree: converted.tree, answers, lang: previewLang }).then(
      (r) => {
        if (stale) return;
        setResult(r);
        setError(null);
        setBusy(false);
      },
      (e: ApiError) => {
        if (stale) return;
        setError(e);
        setResult(null);
        setBusy(false);
      },
    );
    return () => {
      stale = true;
    };
  }, [key, JSON.stringify(answers), previewLang]);

  const money = (n: number, c: string) => formatMoney(n, c, locale.value);
  const range = (r: { min: number; max: number }, c: string) => (r.min === r.max ? money(r.min, c) : `${money(r.min, c)} – ${money(r.max, c)}`);

  return (
    <section class="panel preview-panel" aria-labelledby="quote-preview-title">
      <h2 id="quote-preview-title">{d.preview}</h2>
      <div class="toolbar">
        <SelectField class="inline" label={d.previewLang} value={previewLang} onValue={setPreviewLang} options={langs.map((l) => ({ value: l, label: LANG_NAMES[l] }))} />
        <button type="button" class="secondary" onClick={() => setAnswers({})}>
          {d.restart}
        </button>
      </div>
      <div aria-live="polite" aria-busy={busy || undefined}>
        {converted.errors.length > 0 ? (
          <p class="field-error">{fmt(d.previewError, { message: unique(converted.errors.map((e) => fieldText(e.message, t.value, lang.value === 'en'))).join(' ') })}</p>
        ) : error ? (
          <p class="field-error">{fmt(d.previewError, { message: error.fields.length ? unique(error.fields.map((f) => fieldText(f.message, t.value, lang.value === 'en'))).join(' ') : errorText(error) })}</p>
        ) : !result ? (
          <Loading />
        ) : result.kind === 'question' ? (
          <div class="preview-step">
            {result.range && <p class="preview-range">{fmt(d.range, { range: range(result.range, result.currency) })}</p>}
            {result.factors.length > 0 && <p class="muted">{fmt(d.factors, { factors: result.factors.join(', ') })}</p>}
            <p class="preview-question">{result.question.text}</p>
            {result.question.type === 'choice' ? (
              <div class="actions">
                {result.question.options.map((o) => (
                  <button key={o.id} type="button" class="secondary" onClick={() => setAnswers({ ...answers, [result.question.id]: o.id })}>
                    {o.label}
                  </button>
                ))}
              </div>
            ) : (
              <form
                class="interval"
                onSubmit={(e) => {
                  e.preventDefault();
                  const n = Number(numberAnswer);
                  if (numberAnswer.trim() !== '' && Number.isFinite(n)) {
                    setAnswers({ ...answers, [result.question.id]: n });
                    setNumberAnswer('');
                  }
                }}
              >
                <Field label={`${d.answer}${result.question.unit ? ` (${result.question.unit})` : ''}`} class="inline">
                  {({ id }) =>
                    result.question.type === 'number' ? (
                      <input id={id} type="number" min={result.question.min} max={result.question.max} step={result.question.step} value={numberAnswer} onInput={(e) => setNumberAnswer(e.currentTarget.value)} />
                    ) : (
                      <span />
                    )
                  }
                </Field>
                <button type="submit" class="primary">
                  {d.next}
                </button>
              </form>
            )}
          </div>
        ) : result.kind === 'final' ? (
          <div class="preview-step">
            <p class="preview-range">{fmt(d.range, { range: range(result.range, result.currency) })}</p>
            <p class="preview-final">{fmt(d.final, { price: money(result.price, result.currency) })}</p>
            <p class="muted">{result.summary}</p>
          </div>
        ) : result.kind === 'handoff' ? (
          <p class="preview-final">{fmt(d.handedOff, { reason: result.reason })}</p>
        ) : (
          <p class="field-error">{fmt(d.invalidAnswer, { field: questionText(props.form, result.field, previewLang), reason: d.answerReasons[result.reason] })}</p>
        )}
      </div>
    </section>
  );
}

const unique = (list: string[]) => [...new Set(list)];

/** A question as the owner wrote it (preview language first), not its internal id. */
function questionText(form: TreeForm, id: string, l: Lang): string {
  const q = form.questions.find((x) => x.id === id);
  if (!q) return id;
  return q.text[l].trim() || q.text[form.defaultLang].trim() || Object.values(q.text).find((v) => v.trim()) || id;
}
