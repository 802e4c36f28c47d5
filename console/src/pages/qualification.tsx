/**
 * Owner: qualification questions per service and per chat-menu request (issue 17). Up to 5 questions, each with quick-reply
 * answers worth some points (an answer may mean "wants to come within 48 hours": a hot lead), the
 * score from which a visitor is qualified, and what the others are offered instead (the waiting
 * list, a smaller package, a useful link; "talk to a person" always). No questions = the chat books
 * as before. A second section sets questions before a request in the chat menu: before the price
 * ("Prices") and before the request form ("Talk to a person"); the waiting list is a service's only.
 * One form is on the page at a time (in the section of what it edits), so every field keeps one name.
 * The checks here are the server's (domain/qualification), said in the owner's words.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Localized } from '@frontdesk/shared';
import { api, type QualIntent, type Qualification } from '../api/api.js';
import type { Service } from '../api/contract.js';
import { me } from '../app/session.js';
import { fmt, lang, t } from '../i18n/index.js';
import { Checkbox, ErrorBox, Loading, Notice, Page, SelectField, Submit, TextField } from '../ui/common.js';
import { cleanLocalized, LocalizedFields, pickText } from '../ui/localized.js';
import { useAction, useResource } from '../ui/resource.js';

const MAX_QUESTIONS = 5;
const MAX_ANSWERS = 6;

interface AnswerDraft { label: Localized; points: string; soon: boolean }
interface QuestionDraft { text: Localized; answers: AnswerDraft[] }
interface Draft {
  questions: QuestionDraft[];
  threshold: string;
  waitlist: boolean;
  smallerServiceId: string;
  linkUrl: string;
  linkLabel: Localized;
}

const emptyAnswer = (): AnswerDraft => ({ label: {}, points: '0', soon: false });
const emptyQuestion = (): QuestionDraft => ({ text: {}, answers: [emptyAnswer(), emptyAnswer()] });

export function toDraft(q: Qualification | undefined): Draft {
  return {
    questions: (q?.questions ?? []).map((x) => ({ text: x.text, answers: x.answers.map((a) => ({ label: a.label, points: String(a.points), soon: a.soon === true })) })),
    threshold: String(q?.threshold ?? 2),
    waitlist: q?.alternatives.waitlist ?? false,
    smallerServiceId: q?.alternatives.smallerServiceId ?? '',
    linkUrl: q?.alternatives.link?.url ?? '',
    linkLabel: q?.alternatives.link?.label ?? {},
  };
}

/** The draft as the server takes it, or the problems in the owner's words keyed by field. */
export function fromDraft(d: Draft, words: { required: string; number: string; url: string }): { value: Qualification } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const int = (v: string, path: string, min: number, max: number) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isInteger(n) || n < min || n > max) problems[path] = fmt(words.number, { min, max });
    return n;
  };
  const questions = d.questions.map((q, i) => {
    const text = cleanLocalized(q.text);
    if (!text) problems[`questions.${i}.text`] = words.required;
    return {
      text: text ?? {},
      answers: q.answers.map((a, j) => {
        const label = cleanLocalized(a.label);
        if (!label) problems[`questions.${i}.answers.${j}.label`] = words.required;
        return { label: label ?? {}, points: int(a.points, `questions.${i}.answers.${j}.points`, -10, 10), soon: a.soon };
      }),
    };
  });
  const url = d.linkUrl.trim();
  const linkLabel = cleanLocalized(d.linkLabel);
  if (url && !/^https?:\/\/\S+\.\S+/i.test(url)) problems.linkUrl = words.url;
  if (url && !linkLabel) problems.linkLabel = words.required;
  if (!url && linkLabel) problems.linkUrl = words.required;
  const threshold = int(d.threshold, 'threshold', -50, 50);
  if (Object.keys(problems).length) return { problems };
  return {
    value: {
      questions,
      threshold,
      alternatives: { waitlist: d.waitlist, smallerServiceId: d.smallerServiceId || null, link: url && linkLabel ? { url, label: linkLabel } : null },
    },
  };
}

type Target = { kind: 'service'; id: string } | { kind: 'intent'; id: QualIntent };
const INTENTS: readonly QualIntent[] = ['prices', 'human'];

export function QualificationPage() {
  const d = t.value.qualification;
  const services = useResource(() => api.services.list(), []);
  const saved = useResource(() => api.qualification.list(), []);
  const intents = useResource(() => api.qualification.intents(), []);
  const [target, setTarget] = useState<Target | null>(null);
  const active = (services.data ?? []).filter((s) => s.active);
  useEffect(() => {
    if (!target && active[0]) setTarget({ kind: 'service', id: active[0].id });
  }, [services.data]);
  const error = services.error ?? saved.error ?? intents.error;
  const intentName = (i: QualIntent) => (i === 'prices' ? d.intentPrices : d.intentHuman);
  const form = (tg: Target) =>
    tg.kind === 'service' ? (
      <QualificationForm key={`s:${tg.id}`} target={tg} services={active} initial={saved.data?.[tg.id]} onSaved={() => saved.reload()} />
    ) : (
      <QualificationForm key={`i:${tg.id}`} target={tg} services={active} initial={intents.data?.[tg.id]} onSaved={() => intents.reload()} />
    );
  return (
    <Page title={d.title}>
      <p class="hint">{d.intro}</p>
      {error ? (
        <ErrorBox error={error} retry={() => (services.reload(), saved.reload(), intents.reload())} />
      ) : !services.data || !saved.data || !intents.data ? (
        <Loading />
      ) : active.length === 0 ? (
        <p class="muted">{d.noServices}</p>
      ) : (
        <>
          <section aria-labelledby="qual-by-service">
            <h2 id="qual-by-service">{d.byService}</h2>
            <SelectField
              label={d.service}
              value={target?.kind === 'service' ? target.id : ''}
              options={[...(target?.kind === 'service' ? [] : [{ value: '', label: '—' }]), ...active.map((s) => ({ value: s.id, label: pickText(s.names, lang.value) }))]}
              onValue={(id) => id && setTarget({ kind: 'service', id })}
            />
            {target?.kind === 'service' && form(target)}
          </section>
          <section aria-labelledby="qual-by-intent">
            <h2 id="qual-by-intent">{d.byIntent}</h2>
            <p class="hint">{d.byIntentIntro}</p>
            <div class="actions">
              {INTENTS.map((i) => (
                <button key={i} type="button" class="secondary" aria-pressed={target?.kind === 'intent' && target.id === i} onClick={() => setTarget({ kind: 'intent', id: i })}>
                  {intentName(i)}
                </button>
              ))}
            </div>
            {target?.kind === 'intent' && form(target)}
          </section>
        </>
      )}
    </Page>
  );
}

function QualificationForm(props: { target: Target; services: Service[]; initial: Qualification | undefined; onSaved: () => void }) {
  const tg = props.target;
  const d = t.value.qualification;
  const langs = me.value!.business.languages;
  const [f, setF] = useState<Draft>(toDraft(props.initial));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useAction();
  const err = (path: string) => (problems[path] ? [problems[path]] : []);
  const setQ = (i: number, q: QuestionDraft) => setF({ ...f, questions: f.questions.map((x, k) => (k === i ? q : x)) });
  const setA = (i: number, j: number, a: AnswerDraft) => setQ(i, { ...f.questions[i]!, answers: f.questions[i]!.answers.map((x, k) => (k === j ? a : x)) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const r = fromDraft(f, { required: t.value.app.required, number: d.numberRange, url: d.badUrl });
    if ('problems' in r) return setProblems(r.problems);
    setProblems({});
    const run = () => (tg.kind === 'service' ? api.qualification.save({ serviceId: tg.id, qualification: r.value }) : api.qualification.saveIntent({ intent: tg.id, qualification: { ...r.value, alternatives: { ...r.value.alternatives, waitlist: false } } }));
    if (await save.run(run)) props.onSaved();
  };

  return (
    <form onSubmit={submit} class="settings qualification">
      {f.questions.length === 0 && <p class="muted">{tg.kind === 'service' ? d.none : d.noneIntent}</p>}
      {f.questions.map((q, i) => (
        <fieldset key={i} class="panel">
          <legend>{fmt(d.question, { n: i + 1 })}</legend>
          <LocalizedFields label={`${fmt(d.questionText, { n: i + 1 })} ({lang})`} langs={langs} value={q.text} onValue={(text) => setQ(i, { ...q, text })} errors={() => err(`questions.${i}.text`)} />
          {q.answers.map((a, j) => (
            <div key={j} class="answer">
              <LocalizedFields label={`${fmt(d.answer, { n: j + 1 })} ({lang})`} langs={langs} value={a.label} onValue={(label) => setA(i, j, { ...a, label })} errors={() => err(`questions.${i}.answers.${j}.label`)} />
              <TextField label={fmt(d.points, { n: j + 1 })} type="number" inputMode="numeric" min={-10} max={10} value={a.points} onValue={(points) => setA(i, j, { ...a, points })} errors={err(`questions.${i}.answers.${j}.points`)} />
              <Checkbox label={d.soon} checked={a.soon} onChange={(soon) => setA(i, j, { ...a, soon })} />
              {q.answers.length > 2 && (
                <button type="button" class="secondary" onClick={() => setQ(i, { ...q, answers: q.answers.filter((_, k) => k !== j) })}>
                  {fmt(d.removeAnswer, { n: j + 1 })}
                </button>
              )}
            </div>
          ))}
          <div class="actions">
            {q.answers.length < MAX_ANSWERS && (
              <button type="button" class="secondary" onClick={() => setQ(i, { ...q, answers: [...q.answers, emptyAnswer()] })}>
                {d.addAnswer}
              </button>
            )}
            <button type="button" class="danger" onClick={() => setF({ ...f, questions: f.questions.filter((_, k) => k !== i) })}>
              {fmt(d.removeQuestion, { n: i + 1 })}
            </button>
          </div>
        </fieldset>
      ))}
      {f.questions.length < MAX_QUESTIONS ? (
        <button type="button" class="secondary" onClick={() => setF({ ...f, questions: [...f.questions, emptyQuestion()] })}>
          {d.addQuestion}
        </button>
      ) : (
        <p class="hint">{d.maxQuestions}</p>
      )}
      <TextField label={d.threshold} hint={tg.kind === 'intent' ? d.thresholdHintIntent : d.thresholdHint} type="number" inputMode="numeric" min={-50} max={50} value={f.threshold} onValue={(threshold) => setF({ ...f, threshold })} errors={err('threshold')} />
      <fieldset>
        <legend>{d.alternatives}</legend>
        <p class="hint">{d.alternativesHint}</p>
        {tg.kind === 'service' && <Checkbox label={d.waitlist} checked={f.waitlist} onChange={(waitlist) => setF({ ...f, waitlist })} />}
        <SelectField
          label={d.smaller}
          value={f.smallerServiceId}
          options={[{ value: '', label: d.noSmaller }, ...props.services.filter((s) => tg.kind !== 'service' || s.id !== tg.id).map((s) => ({ value: s.id, label: pickText(s.names, lang.value) }))]}
          onValue={(smallerServiceId) => setF({ ...f, smallerServiceId })}
        />
        <TextField label={d.linkUrl} type="url" inputMode="url" placeholder="https://" value={f.linkUrl} onValue={(linkUrl) => setF({ ...f, linkUrl })} errors={err('linkUrl')} />
        <LocalizedFields label={d.linkLabel} langs={langs} value={f.linkLabel} onValue={(linkLabel) => setF({ ...f, linkLabel })} errors={() => err('linkLabel')} />
      </fieldset>
      {Object.keys(problems).length > 0 && <p class="field-error" role="alert">{t.value.app.invalid}</p>}
      {save.error && <ErrorBox error={save.error.fields.length ? null : save.error} text={save.error.fields.length ? t.value.app.invalid : undefined} />}
      {save.done && <Notice>{t.value.app.saved}</Notice>}
      <div class="actions">
        <Submit busy={save.busy}>{t.value.app.save}</Submit>
      </div>
    </form>
  );
}
