/**
 * Signed-out pages: sign in, ask for a reset link, set a new password from the link, and
 * accept an invitation (which signs in).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { ApiError } from '../api/errors.js';
import { navigate, route } from '../app/router.js';
import { sessionNotice, signedIn } from '../app/session.js';
import { fmt, t } from '../i18n/index.js';
import { ErrorBox, Notice, Page, Submit, TextField } from '../ui/common.js';
import { useAction } from '../ui/resource.js';

const MIN_PASSWORD = 10;

/** Only an in-app path ("/calendar?date=…"); anything else (//evil.example, javascript:) goes home. */
export function safeNext(next: string | null): string {
  return next && /^\/[a-z]/.test(next) && !next.startsWith('//') ? next : '/calendar';
}

function AuthCard(props: { title: string; children: ComponentChildren }) {
  return (
    <div class="auth-card">
      <Page title={props.title}>{props.children}</Page>
    </div>
  );
}

/** The sign-in failure in words: wrong credentials and rate limiting are expected, not errors. */
export function loginProblem(e: ApiError): string | undefined {
  const d = t.value.auth;
  if (e.code === 'UNAUTHORIZED' || e.reason === 'BAD_CREDENTIALS') return d.badCredentials;
  if (e.code === 'TOO_MANY_REQUESTS') return fmt(d.tooMany, { seconds: e.retryAfterSeconds ?? 60 });
  return undefined;
}

function tokenProblem(e: ApiError): string | undefined {
  const d = t.value.auth;
  if (e.reason === 'TOKEN_EXPIRED') return d.tokenExpired;
  if (e.reason === 'TOKEN_INVALID' || e.code === 'FORBIDDEN') return d.tokenInvalid;
  return undefined;
}

export function LoginPage() {
  const d = t.value.auth;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const m = await action.run(() => api.auth.login({ email: email.trim(), password }));
    // The app then leaves #/login for ?next= or the calendar (app.tsx).
    if (m) signedIn(m);
  };
  return (
    <AuthCard title={d.signIn}>
      {sessionNotice.value === 'ended' && <Notice>{t.value.app.sessionEnded}</Notice>}
      <form onSubmit={submit}>
        <TextField label={d.email} type="email" autocomplete="username" required value={email} onValue={setEmail} />
        <TextField label={d.password} type="password" autocomplete="current-password" required value={password} onValue={setPassword} />
        {action.error && <ErrorBox error={action.error} text={loginProblem(action.error)} />}
        <Submit busy={action.busy} busyLabel={t.value.app.loading}>
          {d.signIn}
        </Submit>
      </form>
      <p>
        <a href="#/forgot">{d.forgot}</a>
      </p>
    </AuthCard>
  );
}

export function ForgotPage() {
  const d = t.value.auth;
  const [email, setEmail] = useState('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    void action.run(() => api.auth.requestReset({ email: email.trim() }));
  };
  return (
    <AuthCard title={d.resetTitle}>
      <p>{d.resetIntro}</p>
      <form onSubmit={submit}>
        <TextField label={d.email} type="email" autocomplete="email" required value={email} onValue={setEmail} />
        {action.error && <ErrorBox error={action.error} text={action.error.code === 'TOO_MANY_REQUESTS' ? fmt(d.tooMany, { seconds: action.error.retryAfterSeconds ?? 60 }) : undefined} />}
        {action.done && <Notice>{d.linkSent}</Notice>}
        <Submit busy={action.busy} busyLabel={t.value.app.loading}>
          {d.sendLink}
        </Submit>
      </form>
      <p>
        <a href="#/login">{d.toSignIn}</a>
      </p>
    </AuthCard>
  );
}

function NewPasswordForm(props: {
  withName: boolean;
  submitLabel: string;
  onSubmit: (password: string, name: string) => Promise<void>;
  action: ReturnType<typeof useAction>;
}) {
  const d = t.value.auth;
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    if (password.length < MIN_PASSWORD) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    void props.onSubmit(password, name.trim());
  };
  const err = props.action.error;
  return (
    // Our own message beside the field (the length rule), not the browser's bubble.
    <form onSubmit={submit} noValidate>
      {props.withName && <TextField label={d.yourName} autocomplete="name" value={name} onValue={setName} />}
      <TextField
        label={d.newPassword}
        type="password"
        autocomplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={d.passwordHint}
        errors={tooShort ? [d.tooShort] : err?.fields.filter((f) => f.path === 'password').map((f) => f.message)}
        value={password}
        onValue={setPassword}
      />
      {err && <ErrorBox error={err} text={tokenProblem(err)} />}
      <Submit busy={props.action.busy}>{props.submitLabel}</Submit>
    </form>
  );
}

export function ResetPage() {
  const d = t.value.auth;
  const token = route.value.query.get('token') ?? '';
  const action = useAction();
  return (
    <AuthCard title={d.resetTitle}>
      {!token ? (
        <ErrorBox error={null} text={d.missingToken} />
      ) : action.done ? (
        <Notice>{d.passwordChanged}</Notice>
      ) : (
        <NewPasswordForm
          withName={false}
          submitLabel={d.setPassword}
          action={action}
          onSubmit={async (password) => {
            await action.run(() => api.auth.resetPassword({ token, password }));
          }}
        />
      )}
      <p>
        <a href="#/login">{d.toSignIn}</a>
      </p>
    </AuthCard>
  );
}

export function InvitePage() {
  const d = t.value.auth;
  const token = route.value.query.get('token') ?? '';
  const action = useAction();
  return (
    <AuthCard title={d.inviteTitle}>
      {!token ? (
        <ErrorBox error={null} text={d.missingToken} />
      ) : (
        <NewPasswordForm
          withName
          submitLabel={d.accept}
          action={action}
          onSubmit={async (password, name) => {
            const m = await action.run(() => api.auth.acceptInvite({ token, password, ...(name ? { name } : {}) }));
            if (m) {
              signedIn(m);
              navigate('/calendar');
            }
          }}
        />
      )}
      <p>
        <a href="#/login">{d.toSignIn}</a>
      </p>
    </AuthCard>
  );
}
