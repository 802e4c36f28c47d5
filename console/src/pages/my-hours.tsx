/** A staff member's own working hours and days off (staff.setHours / setDayOff for own staffId). */
import { useState } from 'preact/hooks';
import { api } from '../api/api.js';
import type { WeeklyHours } from '@frontdesk/shared';
import type { StaffMember } from '../api/contract.js';
import { me } from '../app/session.js';
import { t } from '../i18n/index.js';
import { ErrorBox, Loading, Notice, Page, Submit } from '../ui/common.js';
import { DaysOffEditor, HoursEditor, hoursProblems } from '../ui/hours-editor.js';
import { useAction, useResource } from '../ui/resource.js';

export function MyHoursPage() {
  const d = t.value.myHours;
  const staffId = me.value!.user.staffId;
  const staff = useResource(() => api.staff.list(), []);
  const mine = staff.data?.find((s) => s.id === staffId);
  return (
    <Page title={d.title}>
      {!staffId ? (
        <p>{d.noStaff}</p>
      ) : staff.error ? (
        <ErrorBox error={staff.error} retry={staff.reload} />
      ) : !staff.data ? (
        <Loading />
      ) : !mine ? (
        <p>{d.noStaff}</p>
      ) : (
        <>
          <MyHoursForm key={mine.id} member={mine} onSaved={staff.reload} />
          <DaysOffEditor staffId={mine.id} daysOff={mine.daysOff} onChanged={staff.reload} />
        </>
      )}
    </Page>
  );
}

function MyHoursForm(props: { member: StaffMember; onSaved: () => void }) {
  const [hours, setHours] = useState<WeeklyHours>(props.member.weeklyHours);
  const [invalid, setInvalid] = useState(false);
  const action = useAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const bad = hoursProblems(hours).length > 0;
        setInvalid(bad);
        if (!bad) void action.run(() => api.staff.setHours({ staffId: props.member.id, weeklyHours: hours })).then((r) => r !== undefined && props.onSaved());
      }}
    >
      <HoursEditor value={hours} onValue={setHours} />
      {invalid && <p class="field-error">{`${t.value.staff.from} < ${t.value.staff.to}`}</p>}
      <ErrorBox error={action.error} />
      {action.done && <Notice>{t.value.app.saved}</Notice>}
      <Submit busy={action.busy}>{t.value.app.save}</Submit>
    </form>
  );
}
