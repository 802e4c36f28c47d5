/**
 * Loading and saving state for pages: every call has a progress state and an error state,
 * and an expired session sends the user to sign in instead of showing a dead error.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, toApiError } from '../api/errors.js';
import { sessionLost } from '../app/session.js';

function handled(e: unknown): ApiError {
  const err = toApiError(e);
  if (err.code === 'UNAUTHORIZED') sessionLost();
  return err;
}

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the data after a save answered with the new value. */
  set: (data: T) => void;
}

/** Runs `load` on mount and whenever `deps` change; stale answers are ignored. */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    load().then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(handled(e));
        setLoading(false);
      },
    );
    // `load` is a fresh closure each render; `deps` says when it means something new.
  }, [...deps, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload, set: setData };
}

export interface Action {
  busy: boolean;
  error: ApiError | null;
  /** Set after a success until the next run, for "Saved." messages. */
  done: boolean;
  run: <T>(fn: () => Promise<T>) => Promise<T | undefined>;
  reset: () => void;
}

/** A mutation's state: busy while running, the error if it failed, `done` after success. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const r = await fn();
      setDone(true);
      return r;
    } catch (e) {
      setError(handled(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setDone(false);
  }, []);
  return { busy, error, done, run, reset };
}
