import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/problem';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/**
 * Loads data when `key` changes (undefined: loads nothing) and keeps the last answer while reloading.
 * `notFoundAs` turns a 404 into a value, for resources that do not exist yet (a policy before its first PUT).
 */
export function useApi<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>,
  options: { notFoundAs?: T; pollMs?: number } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const notFoundAs = useRef(options.notFoundAs);

  useEffect(() => {
    if (key === undefined) return;
    const controller = new AbortController();
    setLoading(true);
    loader.current(controller.signal)
      .then((value) => { setData(value); setError(undefined); })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        if (cause instanceof ApiError && cause.status === 404 && notFoundAs.current !== undefined) {
          setData(notFoundAs.current);
          setError(undefined);
        } else {
          setError(cause);
        }
      })
      .finally(() => { if (!controller.signal.aborted) setLoading(false); });
    return () => controller.abort();
  }, [key, round]);

  useEffect(() => {
    if (!options.pollMs || key === undefined) return;
    const timer = setInterval(() => setRound((value) => value + 1), options.pollMs);
    return () => clearInterval(timer);
  }, [key, options.pollMs]);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data, error, loading, reload, setData };
}
