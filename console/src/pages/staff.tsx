/** Owner: staff members (name, zone, working hours, days off) and invitations by e-mail. */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { Role, WeeklyHours } from '@frontdesk/shared';
import type { StaffMember } from '../api/contract.js';
import { fieldErrors } from '../api/errors.js';
import { t } from '../i18n/index.js';
import { Checkbox, ErrorBox, Loading, Notice, Page, SelectField, Submit, TextField } from '../ui/common.js';
import { DaysOffEditor, HoursEditor, hoursProblems } from '../ui/hours-editor.js';
import { useAction, useResource } from '../ui/resource.js';

const DEFAULT_HOURS: WeeklyHours = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '18:00' }]]));

export function StaffPage() {
  const d = t.value.staff;
  const staff = useResource(() => api.staff.list(), []);
  // A staff id, or 'new' while the form for a new member is open.
  const [editing, setEditing] = useState<string | null>(null);
  const current = staff.data?.find((s) => s.id === editing) ?? null;
  return (
    <Page
      title={d.title}
      actions={
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {d.add}
        </button>
      }
    >
      {editing && (editing === 'new' || current) && (
        <StaffForm
          key={editing}
          member={current}
          onSaved={() => staff.reload()}
          onClose={() => setEditing(null)}
        />
      )}
      {staff.error ? (
        <ErrorBox error={staff.error} retry={staff.reload} />
      ) : !staff.data ? (
        <Loading />
      ) : (
        <ul class="rows">
          {staff.data.map((s) => (
            <li key={s.id} class={s.active ? 'row' : 'row inactive'}>
              <div>
                <strong>{s.name}</strong>
                <span class="muted">
                  {' · '}
                  {s.account ? `${s.account.email} (${d.roles[s.account.role]}${s.account.invited ? `, ${d.pending}` : ''})` : d.noAccount}
                </span>
              </div>
              <button type="button" class="secondary" aria-label={`${t.value.app.edit}: ${s.name}`} onClick={() => setEditing(s.id)}>
                {t.value.app.edit}
              </button>
            </li>
          ))}
        </ul>
      )}
      <InviteForm staff={staff.data ?? []} onSent={() => staff.reload()} />
    </Page>
  );
}

function StaffForm(props: { member: StaffMember | null; onSaved: () => void; onClose: () => void }) {
  const d = t.value.staff;
  const m = props.member;
  const [name, setName] = useState(m?.name ?? '');
  const [timeZone, setTimeZone] = useState(m?.timeZone ?? '');
  const [active, setActive] = useState(m?.active ?? true);
  const [hours, setHours] = useState<WeeklyHours>(m?.weeklyHours ?? DEFAULT_HOURS);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useAction();
  const errs = (p: string) => [...(local[p] ? [local[p]] : []), ...fieldErrors(save.error?.fields ?? [], p)];
  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t.value.app.required;
    if (hoursProblems(hours).length > 0) problems.weeklyHours = `${d.from} < ${d.to}`;
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const r = await save.run(() => api.staff.save({ ...(m ? { id: m.id } : {}), name: name.trim(), timeZone: timeZone.trim() || null, weeklyHours: hours, active }));
    if (r !== undefined) {
      props.onSaved();
      if (!m) props.onClose();
    }
  };
  return (
    <section class="panel" aria-labelledby="staff-form-title">
      <h2 id="staff-form-title">{m ? d.editing : d.creating}</h2>
      <form onSubmit={submit}>
        <div class="grid2">
          <TextField label={d.name} required value={name} onValue={setName} errors={errs('name')} />
          <TextField label={d.timeZone} value={timeZone} onValue={setTimeZone} errors={errs('timeZone')} placeholder="Europe/Moscow" />
        </div>
        <Checkbox label={d.active} checked={active} onChange={setActive} />
        <HoursEditor value={hours} onValue={setHours} />
        {errs('weeklyHours').length > 0 && <p class="field-error">{errs('weeklyHours').join(' ')}</p>}
        {save.error && save.error.fields.length === 0 && <ErrorBox error={save.error} />}
        {save.done && <Notice>{t.value.app.saved}</Notice>}
        <div class="actions">
          <Submit busy={save.busy}>{t.value.app.save}</Submit>
          <button type="button" class="secondary" onClick={props.onClose}>
            {t.value.app.close}
          </button>
        </div>
      </form>
      {m && <DaysOffEditor staffId={m.id} daysOff={m.daysOff} onChanged={props.onSaved} />}
    </section>
  );
}

function InviteForm(props: { staff: StaffMember[]; onSent: () => void }) {
  const d = t.value.staff;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [staffId, setStaffId] = useState('');
  const action = useAction();
  const errs = (p: string) => fieldErrors(action.error?.fields ?? [], p);
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await action.run(() => api.staff.invite({ email: email.trim(), name: name.trim(), role, staffId: staffId || null }));
    if (r !== undefined) {
      setEmail('');
      setName('');
      props.onSent();
    }
  };
  return (
    <section class="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{d.invite}</h2>
      <form onSubmit={submit}>
        <div class="grid2">
          <TextField label={d.inviteEmail} type="email" required value={email} onValue={setEmail} errors={errs('email')} />
          <TextField label={d.name} required value={name} onValue={setName} errors={errs('name')} />
          <SelectField label={d.role} value={role} onValue={setRole} options={(['staff', 'owner'] as const).map((r) => ({ value: r, label: d.roles[r] }))} />
          <SelectField
            label={t.value.calendar.specialist}
            value={staffId}
            onValue={setStaffId}
            options={[{ value: '', label: '—' }, ...props.staff.filter((s) => !s.account).map((s) => ({ value: s.id, label: s.name }))]}
            errors={errs('staffId')}
          />
        </div>
        {action.error && action.error.fields.length === 0 && <ErrorBox error={action.error} />}
        {action.done && <Notice>{d.invited}</Notice>}
        <Submit busy={action.busy}>{d.sendInvite}</Submit>
      </form>
    </section>
  );
}
