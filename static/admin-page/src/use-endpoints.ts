import { useEffect, useState } from 'react';
import type { GetEndpointsInput, GetEndpointsResult } from '../../../src/resolvers/contract';
import { getEndpoints } from './api';

/** State of one page request. */
export interface EndpointsState {
  /** The last page answered (kept while the next one loads, so the table does not flash). */
  page?: GetEndpointsResult;
  /** True until the answer for the current input and version has arrived. */
  loading: boolean;
  error?: unknown;
}

interface Answer {
  request: string;
  page?: GetEndpointsResult;
  error?: unknown;
}

/** Returns the page of endpoints for `input`, refetched (debounced) whenever it or `version` changes; stale answers are ignored. */
export function useEndpoints(input: GetEndpointsInput, version: number, debounceMs = 200): EndpointsState {
  const request = JSON.stringify([input, version]);
  const [answer, setAnswer] = useState<Answer>({ request: '' });
  const [lastPage, setLastPage] = useState<GetEndpointsResult | undefined>();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      getEndpoints(JSON.parse(request)[0] as GetEndpointsInput).then(
        (page) => {
          if (!current) return;
          setLastPage(page);
          setAnswer({ request, page });
        },
        (error: unknown) => current && setAnswer({ request, error }),
      );
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request, debounceMs]);
  // Loading is derived, not stored: there is no render in which a new input shows as loaded.
  const loading = answer.request !== request;
  return { page: loading ? lastPage : (answer.page ?? lastPage), loading, ...(loading ? {} : { error: answer.error }) };
}
