import { useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** Runs `load` whenever `deps` change; a stale answer (from older deps) is ignored. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  // A new token per change of deps (adjusted while rendering): an answer counts only for its own token.
  const [seen, setSeen] = useState(deps);
  const [token, setToken] = useState<object>({});
  if (seen.length !== deps.length || seen.some((d, i) => !Object.is(d, deps[i]))) {
    setSeen(deps);
    setToken({});
  }
  const [result, setResult] = useState<{ token: object; state: AsyncState<T> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setResult({ token, state: { status: 'ready', value } }),
      (error: unknown) => current && setResult({ token, state: { status: 'error', message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  return result && result.token === token ? result.state : { status: 'loading' };
}
