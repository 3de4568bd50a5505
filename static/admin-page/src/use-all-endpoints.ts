import { useEffect, useState } from 'react';
import type { EndpointReport } from '../../../src/analysis/report-types';
import { getEndpoints } from './api';

/** Endpoints fetched for the Scopes tab's evidence; `complete` false when there were more than the cap. */
export interface AllEndpoints {
  byKey?: Map<string, EndpointReport>;
  complete: boolean;
}

const PAGE = 200;

/**
 * Returns every endpoint (up to `cap`) by key, paged through the resolver, so the Scopes tab can
 * show each scope's runtime calls, last use and static locations. Above the cap the tab links to
 * the Endpoints tab's scope filter instead: the resolver pages big apps, the page should too.
 */
export function useAllEndpoints(total: number, version: number, cap = 1000): AllEndpoints {
  const [state, setState] = useState<AllEndpoints>({ complete: false });
  useEffect(() => {
    let current = true;
    const load = async () => {
      const byKey = new Map<string, EndpointReport>();
      for (let offset = 0; offset < Math.min(total, cap); offset += PAGE) {
        const page = await getEndpoints({ offset, limit: PAGE, sort: 'template', direction: 'asc' });
        for (const e of page.items) byKey.set(e.key, e);
        if (page.items.length < PAGE) break;
      }
      if (current) setState({ byKey, complete: total <= cap });
    };
    // Evidence is an enhancement: on failure the table still shows what the report says.
    load().catch(() => current && setState({ complete: false }));
    return () => {
      current = false;
    };
  }, [total, version, cap]);
  return state;
}
