/**
 * The AI assistant (owner, issue 18): on or off, the OpenAI-compatible endpoint (base URL, model,
 * key), the daily token cap, and "Test connection" (one tiny call, the answer in plain words).
 * The key goes to the server once and never comes back: the page says only whether one is set.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type AssistantCheck, type AssistantSettings } from '../api/api.js';
import { fieldErrors } from '../api/errors.js';
import { t } from '../i18n/index.js';
import { Checkbox, ErrorBox, Loading, Page, Submit, TextField } from '../ui/common.js';
import { useAction, useResource } from '../ui/resource.js';

export function AssistantPage() {
  const d = t.value.assistant;
  const settings = useResource(() => api.assistant.get(), []);
  const s = settings.data;
  return (
    <Page title={d.title}>
      {settings.error ? <ErrorBox error={settings.error} retry={settings.reload} /> : !s ? <Loading /> : <AssistantForm view={s} onSaved={settings.set} />}
    </Page>
  );
}

function AssistantForm(props: { view: AssistantSettings; onSaved: (v: AssistantSettings) => void }) {
  const d = t.value.assistant;
  const v = props.view;
  const save = useAction();
  const test = useAction();
  const [enabled, setEnabled] = useState(v.enabled);
  const [baseUrl, setBaseUrl] = useState(v.baseUrl);
  const [model, setModel] = useState(v.model);
  const [apiKey, setApiKey] = useState('');
  const [clearKey, setClearKey] = useState(false);
  const [cap, setCap] = useState(String(v.dailyTokens));
  const [check, setCheck] = useState<AssistantCheck | null>(null);
  useEffect(() => setCheck(null), [baseUrl, model, apiKey]);
  const error = save.error ?? test.error;
  // The server's reasons are English; the owner reads them in the console's language.
  const errs = (path: string, text: string) => (fieldErrors(error?.fields ?? [], path).length ? [text] : []);
  const capNumber = /^\d+$/.test(cap.trim()) ? Number(cap.trim()) : -1;

  return (
    <>
      <p>{d.intro}</p>
      {v.source === 'operator' && <p class="hint">{d.operator}</p>}
      {!v.editable && <p role="alert" class="error-box">{d.notEditable}</p>}
      <form
        class="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(() => api.assistant.save({ enabled, baseUrl, model, apiKey, clearKey, dailyTokens: capNumber })).then((r) => {
            if (!r) return;
            setApiKey('');
            setClearKey(false);
            props.onSaved(r);
          });
        }}
      >
        <Checkbox label={d.enabled} checked={enabled} onChange={setEnabled} />
        <TextField label={d.baseUrl} hint={d.baseUrlHint} value={baseUrl} onValue={setBaseUrl} type="url" inputMode="url" autocomplete="off" spellcheck={false} required={enabled} errors={errs('baseUrl', d.baseUrlBad)} />
        <TextField label={d.model} hint={d.modelHint} value={model} onValue={setModel} autocomplete="off" spellcheck={false} required={enabled} errors={errs('model', d.modelBad)} />
        <TextField
          label={d.apiKey}
          hint={v.keySet ? d.keySet : d.keyNotSet}
          value={apiKey}
          onValue={setApiKey}
          type="password"
          autocomplete="new-password"
          spellcheck={false}
          errors={errs('apiKey', d.apiKeyBad)}
        />
        {v.keySet && <Checkbox label={d.clearKey} checked={clearKey} onChange={setClearKey} />}
        <TextField label={d.cap} hint={d.capHint} value={cap} onValue={setCap} inputMode="numeric" autocomplete="off" errors={capNumber < 0 ? [d.capBad] : errs('dailyTokens', d.capBad)} />
        <div class="actions">
          <Submit busy={save.busy}>{d.save}</Submit>
          <button
            type="button"
            disabled={test.busy || !baseUrl.trim() || !model.trim()}
            aria-busy={test.busy || undefined}
            onClick={() => void test.run(() => api.assistant.test({ baseUrl, model, apiKey })).then((r) => r && setCheck(r))}
          >
            {test.busy ? d.testing : d.test}
          </button>
        </div>
        <p role="status" class={check?.ok ? 'ok' : check ? 'error-box' : ''}>
          {check ? (check.ok ? d.works : d.failed[check.reason]) : save.done ? d.saved : ''}
        </p>
        <ErrorBox error={error && !error.fields.length ? error : null} />
      </form>
    </>
  );
}
