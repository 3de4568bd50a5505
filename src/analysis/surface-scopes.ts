import type { Surface, SurfaceIdentity } from '../usage/surfaces';

/**
 * What Atlassian documents about the OAuth scopes a call to a request surface needs:
 * - `none`: it reaches no Atlassian API (egress to a host the manifest allows, an external-auth
 *   provider's remote): `permissions.external` governs it, not scopes;
 * - `documented`: Atlassian names the scopes (`alternatives`, any one suffices), with the source;
 * - `unknown`: it can need scopes Atlassian publishes no table for (GraphQL fields, connected
 *   data, a remote or service holding the app's token): a declared scope it may need is
 *   `unverifiable`, never unused. `mayNeed` narrows which scopes, when Atlassian narrows them.
 */
export interface SurfaceScopes {
  kind: 'none' | 'documented' | 'unknown';
  alternatives?: string[][];
  /** Scopes (beyond `alternatives`) the call may need: every scope when absent and `kind` is `unknown`. */
  mayNeed?: (scope: string) => boolean;
  /** For people: why, and where Atlassian says so. */
  note: string;
  source?: string;
}

const TEAMWORK_GRAPH = 'https://developer.atlassian.com/platform/teamwork-graph/call-the-teamwork-graph-api';
const isGraphScope = (scope: string) => scope.startsWith('read:graph:');

/** Returns what Atlassian documents about the scopes a call to this surface, with this identity, needs. */
export function surfaceScopes(surface: Surface, identity: SurfaceIdentity): SurfaceScopes {
  switch (surface) {
    case 'fetch':
      return { kind: 'none', note: 'egress to a host outside Atlassian: governed by permissions.external, not by scopes' };
    case 'providerFetch':
      return { kind: 'none', note: "an external-auth provider's remote: the provider's own scopes, not Atlassian's" };
    case 'requestTeamworkGraph':
      // Atlassian names read:graph:jira or read:graph:confluence for the API; which of the granular
      // read:graph:* scopes a query's object types need is not published per field.
      return {
        kind: 'documented',
        alternatives: [['read:graph:jira'], ['read:graph:confluence']],
        mayNeed: isGraphScope,
        note: 'the Teamwork Graph API needs read:graph:jira or read:graph:confluence; granular read:graph scopes per object type are not published',
        source: TEAMWORK_GRAPH,
      };
    case 'requestGraph':
      return { kind: 'unknown', note: `Atlassian publishes no scope table for GraphQL fields${identity.graphql ? ` (${identity.graphql.fields.join(', ') || 'no fields'})` : ''}` };
    case 'requestAtlassian':
      return { kind: 'unknown', note: identity.graphql ? 'Atlassian publishes no scope table for GraphQL fields' : 'an Atlassian path outside the REST documents' };
    case 'requestConnectedData':
      return { kind: 'unknown', note: 'Atlassian publishes no scopes for connected data' };
    case 'invokeRemote':
    case 'invokeService':
    case 'requestRemote':
      return { kind: 'unknown', note: "a remote backend can call Atlassian APIs with the app's token and scopes; what it calls cannot be seen from here" };
  }
}
