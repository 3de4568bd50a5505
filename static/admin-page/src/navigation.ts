import type { EndpointFilter } from './endpoint-filters';
import type { ScopeFilter } from './scope-rows';

/** The page's tabs, in order. */
export const TABS = ['Overview', 'Scopes', 'Endpoints', 'Egress', 'Sites', 'Plan', 'Export'] as const;

/** A tab's name. */
export type TabName = (typeof TABS)[number];

/** Where a tile, bar or action leads: a tab, with the filter (or the scope) to open it with. */
export type Destination =
  | { tab: 'Scopes'; filter?: ScopeFilter; scope?: string }
  | { tab: 'Endpoints'; filter?: EndpointFilter }
  | { tab: Exclude<TabName, 'Scopes' | 'Endpoints'> };

/** Opens a destination. */
export type Navigate = (to: Destination) => void;
