/** Who a page acts as, fixed by its server-side session. */
export interface PageSettings {
  moduleKey: string;
  accountId: string;
  admin: boolean;
  locale: string;
  /** The issue an issue panel is shown on (`?issueKey=`), in `extension.issue.key`. */
  issueKey?: string;
  /** The page a byline item is shown on (`?contentId=`), in `extension.content.id`. */
  contentId?: string;
}

/** Name of the `<meta>` element that carries a page's session id and token. */
export const SESSION_META = 'forge-sandbox-session';
/** Request headers a bridge call names its session and token with. */
export const SESSION_HEADER = 'x-forge-sandbox-session';
/** Header carrying the session token. */
export const TOKEN_HEADER = 'x-forge-sandbox-token';

/**
 * Returns the browser script that defines `window.__bridge.callBridge(name, payload)` before any
 * app script runs (@forge/bridge looks the bridge up when its modules load). Each call is a
 * same-origin JSON POST to the host naming the page's session and token, read from the page's
 * own `<meta>` (a foreign page that includes this script reads its own document, which has none).
 * The host answers `{ ok, result }` or `{ ok: false, error }`.
 */
export function bridgeClientScript(): string {
  return `(() => {
  const meta = document.querySelector('meta[name="${SESSION_META}"]');
  const [session, token] = (meta ? meta.getAttribute('content') : '').split('.');
  window.__bridge = {
    callBridge: async (name, payload) => {
      const response = await fetch('/__bridge', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', '${SESSION_HEADER}': session || '', '${TOKEN_HEADER}': token || '' },
        body: JSON.stringify({ name, payload }),
      });
      const answer = await response.json();
      if (!answer.ok) {
        const error = new Error(answer.error.message);
        error.name = answer.error.name || 'Error';
        throw error;
      }
      return answer.result;
    },
  };
})();
`;
}
