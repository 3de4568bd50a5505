import { evalStr, type Env, type EvalContext } from './evaluate';
import { unwrap } from './forge-values';
import { memberName } from './member-name';
import type { Node, Scope } from './scope';
import type { Cand } from './summary-types';

/** Response headers that hand over a URL to request next (`Link: <…>; rel="next"` is how Confluence v2 pages). */
export const LINK_HEADERS: Record<string, string> = { location: 'Location header', 'content-location': 'Content-Location header', link: 'Link header' };

const isLink = (c: Cand): boolean => 'pieces' in c && c.pieces.some((p) => typeof p === 'object' && p.r === 'link');

/**
 * A capture group of a regular expression run over a followed link is that link: the URL of a
 * `Link` header taken out of its `<…>; rel="next"` (`RE.exec(header)[1]`, `header.match(RE)?.[1]`,
 * or the match kept in a `const` first). Undefined when `obj` is not such a match, or the text
 * matched is not a link.
 */
export function matchedLink(obj: Node, scope: Scope, ctx: EvalContext, env: Env | undefined, d: number): Cand[] | undefined {
  let call = unwrap(obj);
  let at = scope;
  if (call?.type === 'Identifier') {
    const b = scope.lookup(call.name);
    const init = b && !b.param && !b.import && b.inits.length === 1 && b.inits[0].key === undefined && !b.inits[0].element ? b.inits[0] : undefined;
    if (!init) return undefined;
    call = unwrap(init.node);
    at = init.scope;
  }
  const callee = call?.type === 'CallExpression' ? unwrap(call.callee) : undefined;
  const name = callee?.type === 'MemberExpression' ? memberName(callee) : undefined;
  const text = name === 'exec' ? call.arguments[0] : name === 'match' ? callee.object : undefined;
  if (!text) return undefined;
  const links = evalStr(text, at, ctx, env, d + 1).filter(isLink);
  return links.length ? links : undefined;
}
