import type { WidgetEvent } from '../contract';

/** Options every API method takes; `site` picks one of several widgets (default: the first). */
export interface CallOptions { site?: string; serviceId?: string }
type Listener = (detail: Record<string, unknown>) => void;

export interface Instance {
  site: string;
  open(o?: CallOptions): void;
  close(o?: CallOptions): void;
  startBooking(o?: CallOptions): void;
}

export interface Registry {
  add(instance: Instance): void;
  emit(site: string, event: WidgetEvent, detail?: Record<string, unknown>): void;
}

/** `window.Frontdesk`, as the owner's queue stub leaves it and as this script completes it. */
interface Global {
  q?: ArrayLike<[string, ArrayLike<unknown>]>;
  open?(o?: CallOptions): void;
  close?(o?: CallOptions): void;
  startBooking?(o?: CallOptions): void;
  on?(event: WidgetEvent, fn: Listener): () => void;
  _fd?: Registry;
}

const METHODS = ['open', 'close', 'startBooking'] as const;

/**
 * Installs the JS API once per page, whichever widget script runs first, and replays
 * calls queued before any script loaded:
 * @example <script>window.Frontdesk=window.Frontdesk||{q:[]};['open','close','startBooking','on'].forEach(function(m){Frontdesk[m]=Frontdesk[m]||function(){Frontdesk.q.push([m,arguments])}})</script>
 */
export function registry(w: Window & { Frontdesk?: Global }): Registry {
  const g: Global = (w.Frontdesk ??= {});
  if (g._fd) return g._fd;
  const instances: Instance[] = [];
  const listeners: [WidgetEvent, Listener][] = [];
  const pending: [string, CallOptions | undefined][] = [];

  const call = (m: string, o: CallOptions | undefined): boolean => {
    const target = o?.site ? instances.find((i) => i.site === o.site) : instances[0];
    if (!target) return false;
    target[m as (typeof METHODS)[number]](o);
    return true;
  };
  const on = (event: WidgetEvent, fn: Listener) => {
    const entry: [WidgetEvent, Listener] = [event, fn];
    listeners.push(entry);
    return () => void (entry[0] = '' as WidgetEvent);
  };
  const dispatch = (m: string, args: ArrayLike<unknown>) => {
    if (m === 'on') return void on(args[0] as WidgetEvent, args[1] as Listener);
    const o = args[0] as CallOptions | undefined;
    if (!call(m, o)) pending.push([m, o]);
  };

  const reg: Registry = {
    add(instance) {
      instances.push(instance);
      for (const p of pending.splice(0)) if (!call(p[0], p[1])) pending.push(p);
    },
    emit(site, event, detail = {}) {
      // An owner's listener must not break the widget: each runs in its own task.
      for (const [e, fn] of listeners) if (e === event) setTimeout(fn, 0, { site, ...detail });
    },
  };
  const queued = Array.from(g.q ?? []);
  for (const m of METHODS) g[m] = (o?: CallOptions) => dispatch(m, [o]);
  g.on = on;
  g._fd = reg;
  for (const [m, a] of queued) dispatch(m, a);
  return reg;
}
