import type { GrantedScopes } from '../usage/format';
import type { ShardValue } from './shard';

/** Stored form of the granted scopes of every app version seen. */
export interface GrantsValue {
  v: 1;
  versions: GrantedScopes[];
}

/** Returns the grants with the shard's observation added (latest observation's scopes win). */
export function mergeGrants(grants: GrantedScopes[], shard: Pick<ShardValue, 'appVersion' | 'granted' | 'day'>): GrantedScopes[] {
  if (shard.granted.length === 0) return grants;
  const i = grants.findIndex((g) => g.appVersion === shard.appVersion);
  if (i < 0) {
    return [...grants, { appVersion: shard.appVersion, scopes: [...shard.granted], firstSeen: shard.day, lastSeen: shard.day }].sort((a, b) => a.appVersion.localeCompare(b.appVersion));
  }
  const have = grants[i];
  const next: GrantedScopes = {
    appVersion: have.appVersion,
    scopes: shard.day >= have.lastSeen ? [...shard.granted] : have.scopes,
    firstSeen: shard.day < have.firstSeen ? shard.day : have.firstSeen,
    lastSeen: shard.day > have.lastSeen ? shard.day : have.lastSeen,
  };
  const out = grants.slice();
  out[i] = next;
  return out;
}

/** Returns the grants last seen on or after `cutoffDay`. */
export function pruneGrants(grants: GrantedScopes[], cutoffDay: string): GrantedScopes[] {
  return grants.filter((g) => g.lastSeen >= cutoffDay);
}
