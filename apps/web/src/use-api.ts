/** Loading server data into a component: keeps the last good data while reloading, cancels on unmount. */
import { useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import { toApiError, type ApiError } from './api';

export type ApiData<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: Dispatch<SetStateAction<T | undefined>>;
};

export function useApiData<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; callers list what it depends on in `deps`.
  }, [...deps, tick]);

  return { data, error, loading, reload: () => setTick((n) => n + 1), setData };
}
