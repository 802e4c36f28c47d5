/**
 * "Download CSV" for the owner: the dashboard's period as bookings, leads or clients, in the
 * business's time zone and the console's language (exports.csv). The file is built on the
 * server and saved here from a Blob, so the download carries the session like every other call.
 */
import { api } from '../api/api.js';
import { lang, t } from '../i18n/index.js';
import { ErrorBox } from '../ui/common.js';
import { useAction } from '../ui/resource.js';

type Kind = 'bookings' | 'leads' | 'customers';

function save(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has handed the Blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportCsv(props: { from: string; to: string }) {
  const d = t.value.exportCsv;
  const action = useAction();
  const download = (kind: Kind) =>
    void action.run(() => api.exports.csv({ kind, from: props.from, to: props.to, lang: lang.value })).then((f) => f && save(f.filename, f.csv));
  return (
    <div class="export-csv" role="group" aria-label={d.title}>
      <span>{d.title}</span>
      {(['bookings', 'leads', 'customers'] as const).map((k) => (
        <button key={k} type="button" class="secondary" disabled={action.busy} onClick={() => download(k)}>
          {d[k]}
        </button>
      ))}
      <ErrorBox error={action.error} />
    </div>
  );
}
