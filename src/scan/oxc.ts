import type { Dialect } from './nesting-estimate';
import type { Node } from './scope';

/** What the scanner needs from a parse: the ESTree program and the parser's errors. */
export interface Parsed {
  program: Node;
  errors: { severity: string; message: string; labels: { start: number }[] }[];
}

type ParseSync = (filename: string, text: string, options: object) => { program: unknown; errors: Parsed['errors'] };

let parseSyncImpl: ((filename: string, text: string, options: object) => Parsed) | undefined;

/** Candidate names of oxc-parser's native binding package on this platform (as NAPI-RS names them). */
function bindingNames(): string[] {
  const base = `@oxc-parser/binding-${process.platform}-${process.arch}`;
  if (process.platform === 'linux') return [`${base}-gnu`, `${base}-musl`];
  if (process.platform === 'win32') return [`${base}-msvc`];
  return [base];
}

/**
 * Returns oxc-parser's `parseSync`. The native binding is called directly: the package's wrapper
 * also converts module records and comments we never read (about 40 % of the parse phase), and
 * the package is ESM-only, which Jest's module runtime cannot `require`. The package itself is
 * the fallback when no binding for this platform is found.
 */
function load(): (filename: string, text: string, options: object) => Parsed {
  for (const name of bindingNames()) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const binding = require(name) as { parseSync: ParseSync };
      return (f, t, o) => {
        const r = binding.parseSync(f, t, o);
        // Native getters move their value out: read each field once.
        const json = r.program as string;
        const errors = r.errors;
        // `fixes` only restore BigInt/RegExp literal values, which the scanner never reads.
        return { program: (JSON.parse(json) as { node: Node }).node, errors };
      };
    } catch {
      // try the next flavour
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const oxc = require('oxc-parser') as { parseSync: (f: string, t: string, o: object) => Parsed };
  return (f, t, o) => oxc.parseSync(f, t, o);
}

/** Returns the dialect a file is parsed as: TSX, TS, or JSX (every JavaScript file). */
export function dialectOf(fileName: string): Dialect {
  // Custom UI apps commonly write JSX in .js files; JSX is a superset of what those files hold.
  return /\.[cm]?tsx$/.test(fileName) ? 'tsx' : /\.[cm]?ts$/.test(fileName) ? 'ts' : 'jsx';
}

/**
 * Parses JS/TS/JSX/TSX source with oxc-parser; parenthesised expressions are not kept as nodes.
 * `astType: 'ts'` keeps TypeScript details (`import type`), which source edits need. The native
 * parser overflows its stack on deep enough nesting and ends the process: callers check the
 * file first (`checkSource`).
 */
export function parseSource(fileName: string, text: string, astType: 'js' | 'ts' = 'js'): Parsed {
  parseSyncImpl ??= load();
  // astType 'js' leaves out type annotations: a fifth less JSON to build and parse, and types never call anything.
  return parseSyncImpl(fileName, text, { preserveParens: false, lang: dialectOf(fileName), astType });
}
