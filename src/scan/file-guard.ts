import { nestingEstimate } from './nesting-estimate';
import { dialectOf } from './oxc';
import type { Node } from './scope';
import type { FileSummary } from './summary-types';
import type { Side } from './types';

/**
 * Largest source file the scanner parses: 2 MiB. Parsing and summarising cost 35–50 MB of memory
 * per MB of source (oxc's JSON AST, then the objects it becomes), so this bounds one file to about
 * 100 MB; a 20 MB file took 650–870 MB. Hand-written source files are far smaller; beyond this
 * size a file is generated or vendored (docs/scanner.md).
 */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/**
 * Nesting (pre-scan levels, `nestingEstimate`) parsed in this process. oxc needs up to about 1 KB
 * of native stack per level (`yield yield …`), so this stays near 1 MB of an 8 MB stack; real code
 * peaks near 540 (16,700 files measured). Deeper files are parsed in a child process.
 */
export const IN_PROCESS_NESTING = 1000;

/** Deepest syntax tree the scanner walks; real code peaks near 180 levels, and the JS stack ends near 1,700. */
export const MAX_TREE_DEPTH = 1000;

/** What to do with a source file before parsing it. */
export type SourceCheck = { parse: true } | { skip: string } | { isolate: number };

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Returns why a file of this size is not read or parsed, or undefined when it is small enough. */
export function oversize(bytes: number): string | undefined {
  return bytes > MAX_SOURCE_BYTES ? `larger than ${mib(MAX_SOURCE_BYTES)} (${mib(bytes)}): not parsed, to bound the scanner's memory` : undefined;
}

/** Decides whether a file is parsed here, skipped (too large), or parsed in isolation (nested deeper than is safe here). */
export function checkSource(fileName: string, text: string): SourceCheck {
  // UTF-16 code units: at least the file's size in bytes for ASCII, and what the parser's memory follows.
  const tooLarge = oversize(text.length);
  if (tooLarge) return { skip: tooLarge };
  const levels = nestingEstimate(text, dialectOf(fileName));
  return levels > IN_PROCESS_NESTING ? { isolate: levels } : { parse: true };
}

/** True when the syntax tree is deeper than `limit` nodes; iterative, so any depth is measured safely. */
export function treeDepthOver(program: Node, limit: number): boolean {
  const nodes: Node[] = [program];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (depth > limit) return true;
    for (const key in node) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const v of value) if (v !== null && typeof v === 'object') { nodes.push(v); depths.push(depth + 1); }
      } else if (value !== null && typeof value === 'object' && typeof value.type === 'string') {
        nodes.push(value);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Returns a file's summary with nothing found yet. */
export function emptySummary(file: string, side: Side): FileSummary {
  return { file, side, calls: [], callSites: [], exports: {}, exportAll: [], unresolved: [], needs: [], parseErrors: [], imports: [], packages: [] };
}

/** Returns the summary of a file that was not analysed, with the reason. */
export function skippedSummary(file: string, side: Side, reason: string): FileSummary {
  return { ...emptySummary(file, side), skipped: reason };
}
