import type { SourceCode } from '../usage/rows';
import { computeEndpoint, type Endpoint } from './endpoint';
import { countRejection } from './error-class';
import { countCall, settleThrough } from './record-call';
import type { Tally } from './tally';

type AnyRecord = Record<string, any>;
type Check = (...args: unknown[]) => unknown;

// `authorize()` (@forge/api out/authorization) hands @forge/auth a fetch that calls the
// package's own `asUser().requestJira/requestConfluence`, which the instrumented api never
// sees. Each check is exactly one request (@forge/auth 1.0 jira/index.js, confluence/index.js):
// Jira posts /rest/api/3/permissions/check; Confluence posts /rest/api/content/{id}/permission/check,
// which the product serves as v1's /wiki/rest/api/content/{id}/permission/check.
let endpoints: { jira: Endpoint; confluence: Endpoint } | undefined;
const checkEndpoints = () =>
  (endpoints ??= {
    jira: computeEndpoint('requestJira', 'POST', '/rest/api/3/permissions/check'),
    confluence: computeEndpoint('requestConfluence', 'POST', '/wiki/rest/api/content/0/permission/check'),
  });

/**
 * Returns the promise of one check, its call counted. The response stays inside @forge/auth,
 * so the status is inferred only where the value proves a success body (`true`, or a
 * non-empty permission list); platform refusals are classified by their code; anything
 * else leaves the status unknown rather than guessed.
 */
function observeCheck(result: unknown, endpoint: Endpoint, code: SourceCode, tallyOf: () => Tally | undefined, provable: boolean): unknown {
  if (result === null || typeof result !== 'object' || typeof (result as { then?: unknown }).then !== 'function') return result;
  const row = countCall(tallyOf, endpoint, code);
  if (row === undefined) return result;
  return settleThrough(
    result,
    (value) => {
      if (provable && (value === true || (Array.isArray(value) && value.length > 0))) row.s2++;
      return value;
    },
    (error) => {
      countRejection(row, error, undefined);
      throw error;
    },
  );
}

/** Returns a copy of a set of checks (`canEdit`, `canRead`…) whose calls are observed. */
function wrapCheckSet(set: unknown, endpoint: Endpoint, code: SourceCode, tallyOf: () => Tally | undefined, provable: boolean): unknown {
  if (set === null || typeof set !== 'object') return set;
  const out: AnyRecord = { ...(set as AnyRecord) };
  for (const [name, check] of Object.entries(set as AnyRecord)) {
    if (typeof check === 'function') out[name] = (...args: unknown[]) => observeCheck((check as Check)(...args), endpoint, code, tallyOf, provable);
  }
  return out;
}

// With no issues or projects given, @forge/auth answers `true` without reading the response.
const namesEntities = (x: unknown) => (Array.isArray(x) ? x.length > 0 : x !== undefined && x !== null);

/**
 * Returns `authorize` (from `@forge/api`) whose checks are recorded as the REST operations
 * they make, as the user (`code`). The original runs unchanged: same values, same errors
 * (thrown synchronously when there is no user), the same requests.
 */
export function recordAuthorize(original: (...args: unknown[]) => unknown, source: object, code: SourceCode, tallyOf: () => Tally | undefined): (...args: unknown[]) => unknown {
  return function authorize(...args: unknown[]): unknown {
    const checks = original.apply(source, args) as AnyRecord;
    if (checks === null || typeof checks !== 'object') return checks;
    const out: AnyRecord = { ...checks };
    const { jira, confluence } = checkEndpoints();
    if (typeof checks.onJira === 'function') out.onJira = (...a: unknown[]) => observeCheck(checks.onJira(...a), jira, code, tallyOf, true);
    for (const name of ['onJiraProject', 'onJiraIssue'] as const) {
      if (typeof checks[name] === 'function') out[name] = (x: unknown) => wrapCheckSet(checks[name](x), jira, code, tallyOf, namesEntities(x));
    }
    if (typeof checks.onConfluenceContent === 'function') out.onConfluenceContent = (id: unknown) => wrapCheckSet(checks.onConfluenceContent(id), confluence, code, tallyOf, true);
    return out;
  };
}
