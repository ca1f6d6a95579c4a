import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText, getJson } from './api';

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: string;
  readonly loading: boolean;
  reload(): void;
}

/** GETs `path` when it changes (and on reload()); keeps the last data while a reload is in flight. */
export function useJson<T>(path: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== undefined });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    const abort = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    getJson<T>(path, abort.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ error: errorText(error), loading: false });
      },
    );
    return () => abort.abort();
  }, [path, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
