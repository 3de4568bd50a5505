/** Settings the injected bridge sends with every call. */
export interface PageSettings {
  moduleKey: string;
  accountId: string;
  admin: boolean;
  locale: string;
}

/**
 * Returns the browser script that defines `window.__bridge.callBridge(name, payload)` before any
 * app script runs (@forge/bridge looks the bridge up when its modules load). Each call is a POST
 * to the host, which answers `{ ok, result }` or `{ ok: false, error }`.
 */
export function bridgeClientScript(settings: PageSettings): string {
  return `(() => {
  const settings = ${JSON.stringify(settings)};
  window.__bridge = {
    callBridge: async (name, payload) => {
      const response = await fetch('/__bridge', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ settings, name, payload }),
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
