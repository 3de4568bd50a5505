import type { Tally, TallyRow } from './tally';

/** Header Atlassian's gateway sets on a 401 caused by a scope the installation did not grant. */
export const FAILURE_CATEGORY_HEADER = 'x-failure-category';
/** Value of that header for a scope mismatch. */
export const SCOPE_CHECK_FAILURE = 'FAILURE_CLIENT_SCOPE_CHECK';
/** Text of the gateway's scope-mismatch body. */
export const SCOPE_MISMATCH_MESSAGE = 'scope does not match';
/** Largest body (by Content-Length) read from a clone to look for the scope-mismatch message. */
export const MAX_INSPECTED_BODY = 1024;

interface ResponseLike {
  status?: unknown;
  bodyUsed?: boolean;
  headers?: { get?: (name: string) => string | null };
  clone?: () => { text(): Promise<string> };
}

/**
 * Counts a response into its status class and, for a 401, recognises the gateway's scope
 * mismatch. Never throws and never reads the body the host will read: only a clone, and only
 * when the header is absent and Content-Length says the body is tiny.
 */
export function inspectResponse(row: TallyRow, tally: Tally, response: unknown): void {
  try {
    const res = response as ResponseLike;
    const status = typeof res.status === 'number' ? res.status : 0;
    if (status < 300) row.s2++;
    else if (status < 400) row.s3++;
    else if (status < 500) {
      row.s4++;
      if (status === 401) inspectUnauthorized(row, tally, res);
    } else row.s5++;
  } catch {
    // A response we cannot read is the host's business, not ours.
  }
}

function inspectUnauthorized(row: TallyRow, tally: Tally, res: ResponseLike): void {
  const get = res.headers?.get;
  if (typeof get !== 'function') return;
  if (get.call(res.headers, FAILURE_CATEGORY_HEADER) === SCOPE_CHECK_FAILURE) {
    row.scopeMismatch401++;
    return;
  }
  if (typeof res.clone !== 'function' || res.bodyUsed === true) return;
  const length = Number(get.call(res.headers, 'content-length'));
  if (!(length > 0 && length <= MAX_INSPECTED_BODY)) return;
  const text = res.clone().text();
  tally.track(
    text.then(
      (body) => {
        if (body.includes(SCOPE_MISMATCH_MESSAGE)) row.scopeMismatch401++;
      },
      () => undefined,
    ),
  );
}
