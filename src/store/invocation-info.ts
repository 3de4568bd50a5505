import { getAppContext } from '@forge/api';

/** What a shard records about the invocation that wrote it. */
export interface InvocationInfo {
  appVersion: string;
  environment: string;
  moduleKey: string;
  granted: string[];
}

/** Returns the invocation's app version, environment, module and granted scopes; `unknown` outside Forge. */
export function invocationInfo(): InvocationInfo {
  try {
    const context = getAppContext();
    const scopes = context.permissions?.scopes;
    return {
      appVersion: String(context.appVersion ?? 'unknown'),
      environment: String(context.environmentType ?? 'unknown'),
      moduleKey: String(context.moduleKey ?? ''),
      granted: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string').sort() : [],
    };
  } catch {
    return { appVersion: 'unknown', environment: 'unknown', moduleKey: '', granted: [] };
  }
}
