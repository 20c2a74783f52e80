/** Loads data for a page: the state a page renders (loading, failed, loaded) and a way to load again. */
import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'loaded'; value: T };

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastDeps = useRef<readonly unknown[] | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const sameDeps = lastDeps.current !== undefined && lastDeps.current.length === deps.length && lastDeps.current.every((value, index) => Object.is(value, deps[index]));
    lastDeps.current = deps;
    // A reload of the same thing keeps showing the previous value instead of flashing a spinner.
    setState((previous) => (previous.status === 'loaded' && sameDeps ? previous : { status: 'loading' }));
    loadRef.current().then(
      (value) => current && setState({ status: 'loaded', value }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // The caller names what the load depends on; the load function itself changes every render.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [state, reload];
}
