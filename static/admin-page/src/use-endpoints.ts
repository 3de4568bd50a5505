import { useMemo } from 'react';
import type { EndpointReport } from '../../../src/analysis/report-types';
import type { GetEndpointsInput, GetEndpointsResult } from '../../../src/resolvers/contract';
import { queryEndpoints } from '../../../src/resolvers/endpoint-query';

/**
 * Returns the page of the snapshot's endpoints for `input`: filtered, sorted and paged by the
 * same function the `getEndpoints` resolver uses, but on the report the page loaded, so the
 * Endpoints tab never mixes that snapshot with live data.
 */
export function useEndpoints(endpoints: readonly EndpointReport[], input: GetEndpointsInput): GetEndpointsResult {
  const key = JSON.stringify(input);
  return useMemo(() => queryEndpoints(endpoints, { ...input, offset: input.offset ?? 0, limit: input.limit ?? 25 }), [endpoints, key]); // eslint-disable-line react-hooks/exhaustive-deps
}
