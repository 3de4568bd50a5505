import { useEffect, useState } from 'react';
import type { GetEndpointsInput, GetEndpointsResult } from '../../../src/resolvers/contract';
import { getEndpoints } from './api';

/** State of one page request. */
export interface EndpointsState {
  page?: GetEndpointsResult;
  loading: boolean;
  error?: unknown;
}

/** Returns the page of endpoints for `input`, refetched (debounced) whenever it or `version` changes; stale answers are ignored. */
export function useEndpoints(input: GetEndpointsInput, version: number, debounceMs = 200): EndpointsState {
  const [state, setState] = useState<EndpointsState>({ loading: true });
  const key = JSON.stringify(input);
  useEffect(() => {
    let current = true;
    setState((s) => ({ page: s.page, loading: true }));
    const timer = setTimeout(() => {
      getEndpoints(JSON.parse(key) as GetEndpointsInput).then(
        (page) => current && setState({ page, loading: false }),
        (error: unknown) => current && setState({ loading: false, error }),
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, version, debounceMs]);
  return state;
}
