import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  /** The latest answer; kept while a newer one loads so charts do not flash empty on each filter click. */
  value: T | undefined;
  loading: boolean;
  error: string | null;
}

interface Answer<T> {
  key: string | null;
  value: T | undefined;
  error: string | null;
}

/**
 * Runs `load` whenever `key` changes. Answers to an older key are dropped, so a slow query cannot
 * overwrite the answer to the filter the user clicked last; "loading" is simply "no answer for this key yet".
 */
export function useQuery<T>(key: string, load: () => Promise<T>): QueryState<T> {
  const [answer, setAnswer] = useState<Answer<T>>({ key: null, value: undefined, error: null });
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (value) => current && setAnswer({ key, value, error: null }),
      (error: unknown) => current && setAnswer({ key, value: undefined, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  const answered = answer.key === key;
  return { value: answer.value, loading: !answered, error: answered ? answer.error : null };
}
