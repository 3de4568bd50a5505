import { unwrap } from '../scan/forge-values';
import { parseSource } from '../scan/oxc';
import { walkFile } from '../scan/walk-file';
import type { SourceFile } from './source-file';

/**
 * True when the file calls the global `fetch` by its name: a call of `fetch` with no binding of
 * that name where it is made (the scanner's rule for the global one). Such a file gets init's
 * recorded `fetch` imported under that very name; a file whose `fetch` is its own, a parameter or
 * an import (the recorded one included, on a second run) is left alone, so no unused import is added.
 */
export function callsGlobalFetch(sf: SourceFile): boolean {
  if (!/\bfetch\s*\(/.test(sf.text)) return false;
  const facts = walkFile(parseSource(sf.file, sf.text).program, sf.file, sf.text);
  return facts.calls.some(({ node, scope }) => {
    const callee = unwrap(node.callee);
    return callee?.type === 'Identifier' && callee.name === 'fetch' && !scope.lookup('fetch');
  });
}
