/**
 * Owner: sites — allowed origins, widget colour/position/greeting, the intent menu, the one-line
 * snippet with a Copy button, and a live preview: the real widget in a same-origin frame
 * (previewUrl) with the form's current, possibly unsaved, colour and position; the menu and the
 * greeting show there once saved (the frame reloads after each save).
 */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { Localized } from '@frontdesk/shared';
import type { Site } from '../api/contract.js';
import { fieldErrors } from '../api/errors.js';
import { me } from '../app/session.js';
import { DICTS, fmt, lang, t, type UiLang } from '../i18n/index.js';
import { copyText } from '../lib/clipboard.js';
import { ErrorBox, Field, Loading, Notice, Page, SelectField, Submit, TextArea, TextField } from '../ui/common.js';
import { LocalizedFields } from '../ui/localized.js';
import { useAction, useResource } from '../ui/resource.js';
import { IntentMenuEditor, intentsOf, menuProblems, rowsOf } from './intent-menu.js';

/**
 * What an owner pastes, as origins: one per line (or separated by commas/spaces), a bare domain
 * taken as https ("salon.example" → "https://salon.example"), a URL cut to its origin
 * ("https://salon.example/prices?a=1" → "https://salon.example"), loopback port wildcards kept.
 * Lines that are no web address come back in `bad` with their 1-based line number.
 */
export function readOrigins(text: string): { origins: string[]; bad: Array<{ line: number; text: string }> } {
  const origins: string[] = [];
  const bad: Array<{ line: number; text: string }> = [];
  text.split('\n').forEach((row, i) => {
    const found = row.split(/[,\s]+/).filter(Boolean).map(toOrigin);
    // A line with anything that is no address is named whole, once.
    if (found.some((o) => o === null)) bad.push({ line: i + 1, text: row.trim() });
    else for (const o of found) if (o && !origins.includes(o)) origins.push(o);
  });
  return { origins, bad };
}

function toOrigin(raw: string): string | null {
  if (/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\]):\*\/?$/i.test(raw)) return raw.replace(/\/$/, '').toLowerCase();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  try {
    const u = new URL(withScheme);
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:]+\]$/i.test(u.hostname)) return null;
    if (!u.hostname.includes('.') && u.hostname !== 'localhost' && !u.hostname.startsWith('[')) return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** Beside the field, in the console's language: each line that is no web address, by number. */
function originErrors(text: string, server: readonly string[] | undefined): string[] | undefined {
  const d = t.value.sites;
  const mine = readOrigins(text).bad.map((b) => fmt(d.originBad, { line: String(b.line), text: b.text }));
  const all = [...mine, ...(server && server.length > 0 && mine.length === 0 ? [d.originsInvalid] : [])];
  return all.length > 0 ? all : undefined;
}

/** The origins of the text (lines that are no web address left out: the form names them first). */
export function parseOrigins(text: string): string[] {
  return readOrigins(text).origins;
}

/**
 * "Refused 12 times today from https://…" with the plural form the language needs (ru: раз / раза).
 * @example refusedText({ origin: 'https://shop.example', count: 3 }, 'ru') // 'https://shop.example: сегодня виджет не пустили 3 раза — …'
 */
export function refusedText(r: { origin: string; count: number }, l: UiLang): string {
  const forms = DICTS[l].sites.refused;
  const form = new Intl.PluralRules({ en: 'en-US', ru: 'ru-RU', hy: 'hy-AM' }[l]).select(r.count) as keyof typeof forms;
  return fmt(forms[form] ?? forms.other, { n: r.count, origin: r.origin });
}

/**
 * Origins the widget was refused on today, each with a one-click "allow" (sites.allowOrigin).
 * The form's origins field gets the origin too, so a later save keeps it.
 */
function RefusedOrigins(props: { site: Site; onAllowed: (origin: string, site: Site) => void }) {
  const d = t.value.sites;
  const allow = useAction();
  const [allowed, setAllowed] = useState<string | null>(null);
  const { refused } = props.site;
  if (refused.length === 0 && !allowed && !allow.error) return null;
  return (
    <div class="refused">
      <ul>
        {refused.map((r) => (
          <li key={r.origin}>
            <span>{refusedText(r, lang.value)}</span>{' '}
            <button
              type="button"
              class="secondary"
              aria-label={fmt(d.allowOrigin, { origin: r.origin })}
              disabled={allow.busy}
              onClick={() =>
                void allow.run(() => api.sites.allowOrigin({ id: props.site.id, origin: r.origin })).then((saved) => {
                  if (!saved) return;
                  setAllowed(r.origin);
                  props.onAllowed(r.origin, saved);
                })
              }
            >
              {d.allow}
            </button>
          </li>
        ))}
      </ul>
      {allowed && <Notice>{fmt(d.allowed, { origin: allowed })}</Notice>}
      <ErrorBox error={allow.error} />
    </div>
  );
}

/** previewUrl with the form's overrides: the preview page passes them to the widget as data-*. */
export function previewSrc(previewUrl: string, o: { color: string; position: string; lang: string; rev?: number }): string {
  const u = new URL(previewUrl, location.href);
  u.searchParams.set('color', o.color);
  u.searchParams.set('position', o.position);
  u.searchParams.set('lang', o.lang);
  // A new URL per save reloads the frame, so the widget fetches the saved menu and greeting.
  if (o.rev) u.searchParams.set('v', String(o.rev));
  return u.pathname + u.search;
}

export function SitesPage() {
  const d = t.value.sites;
  const sites = useResource(() => api.sites.list(), []);
  return (
    <Page title={d.title}>
      {sites.error ? (
        <ErrorBox error={sites.error} retry={sites.reload} />
      ) : !sites.data ? (
        <Loading />
      ) : (
        <>
          {sites.data.map((s) => (
            <SiteForm key={s.id} site={s} onSaved={sites.reload} />
          ))}
          <NewSite onCreated={sites.reload} />
        </>
      )}
    </Page>
  );
}

function SiteForm(props: { site: Site; onSaved: () => void }) {
  const d = t.value.sites;
  const s = props.site;
  const langs = me.value!.business.languages;
  const [origins, setOrigins] = useState(s.allowedOrigins.join('\n'));
  const [color, setColor] = useState(s.widget.color);
  const [position, setPosition] = useState<'right' | 'left'>(s.widget.position);
  const [greeting, setGreeting] = useState<Localized>(s.widget.greeting);
  const [menu, setMenu] = useState(() => rowsOf(s.widget.intents));
  const [menuProblem, setMenuProblem] = useState<string | null>(null);
  const [rev, setRev] = useState(0);
  const [copied, setCopied] = useState<boolean | null>(null);
  const save = useAction();
  const errs = (p: string) => fieldErrors(save.error?.fields ?? [], p);
  const titleId = `site-${s.id}`;
  const previewLang = langs.includes(lang.value) ? lang.value : (langs[0] ?? 'en');
  const copy = async () => setCopied(await copyText(s.snippet));
  return (
    <section class="panel site" aria-labelledby={titleId}>
      <h2 id={titleId}>{s.siteKey}</h2>
      <div class="site-grid">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const problems = menuProblems(menu);
            setMenuProblem(problems.none ? d.menuNone : null);
            if (problems.none || problems.tooLong.length > 0 || readOrigins(origins).bad.length > 0) return;
            void save.run(() => api.sites.save({ id: s.id, allowedOrigins: parseOrigins(origins), color, position, greeting, intents: intentsOf(menu) })).then((r) => {
              if (!r) return;
              setRev((n) => n + 1);
              props.onSaved();
            });
          }}
        >
          <TextArea label={d.origins} hint={d.originsHint} value={origins} onValue={setOrigins} rows={3} errors={originErrors(origins, errs('allowedOrigins'))} />
          <RefusedOrigins
            site={s}
            onAllowed={(origin) => {
              setOrigins((text) => (readOrigins(text).origins.includes(origin) ? text : `${text.trimEnd()}\n${origin}`.trimStart()));
              props.onSaved();
            }}
          />
          <Field label={d.color} errors={errs('color')}>
            {({ id, describedBy }) => <input id={id} type="color" value={color} aria-describedby={describedBy} onInput={(e) => setColor(e.currentTarget.value)} />}
          </Field>
          <SelectField
            label={d.position}
            value={position}
            onValue={setPosition}
            options={[
              { value: 'right', label: d.right },
              { value: 'left', label: d.left },
            ]}
          />
          <LocalizedFields label={d.greeting} langs={langs} value={greeting} onValue={setGreeting} multiline errors={(l) => fieldErrors(save.error?.fields ?? [], `greeting.${l}`)} />
          <IntentMenuEditor idPrefix={`menu-${s.id}`} langs={langs} rows={menu} onRows={setMenu} errors={save.error?.fields ?? []} problem={menuProblem} />
          {save.error && save.error.fields.length === 0 && <ErrorBox error={save.error} />}
          {save.done && <Notice>{t.value.app.saved}</Notice>}
          <Submit busy={save.busy}>{t.value.app.save}</Submit>
        </form>
        <div>
          <Field label={d.snippet} hint={d.snippetHint}>
            {({ id, describedBy }) => <textarea id={id} class="snippet" readOnly rows={3} value={s.snippet} aria-describedby={describedBy} onFocus={(e) => e.currentTarget.select()} />}
          </Field>
          <button type="button" class="secondary" onClick={() => void copy()}>
            {d.copy}
          </button>
          {copied === true && <Notice>{d.copied}</Notice>}
          {copied === false && <ErrorBox error={null} text={d.copyFailed} />}
          <h3>{d.preview}</h3>
          <p class="hint">{d.previewHint}</p>
          <iframe class="preview" title={`${d.preview}: ${s.siteKey}`} src={previewSrc(s.previewUrl, { color, position, lang: previewLang, rev })} loading="lazy" />
        </div>
      </div>
    </section>
  );
}

function NewSite(props: { onCreated: () => void }) {
  const d = t.value.sites;
  const [key, setKey] = useState('');
  const [origins, setOrigins] = useState('');
  const action = useAction();
  const errs = (p: string) => fieldErrors(action.error?.fields ?? [], p);
  return (
    <section class="panel" aria-labelledby="new-site-title">
      <h2 id="new-site-title">{d.create}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => api.sites.create({ ...(key.trim() ? { siteKey: key.trim() } : {}), allowedOrigins: parseOrigins(origins) })).then((r) => {
            if (!r) return;
            setKey('');
            setOrigins('');
            props.onCreated();
          });
        }}
      >
        <div class="grid2">
          <TextField label={d.newKey} value={key} onValue={setKey} errors={errs('siteKey')} />
          <TextArea label={d.origins} hint={d.originsHint} value={origins} onValue={setOrigins} rows={2} errors={originErrors(origins, errs('allowedOrigins'))} />
        </div>
        {action.error && action.error.fields.length === 0 && <ErrorBox error={action.error} />}
        <Submit busy={action.busy}>{d.create}</Submit>
      </form>
    </section>
  );
}
