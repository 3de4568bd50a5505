/** Lines at least this long are either minified code or embedded data; source rarely has them. */
const LONG_LINE = 1000;

/**
 * True when a long line is data (base64, a hex blob, one long word): almost nothing but letters,
 * digits and `+/=_-`. Minified code is dense in punctuation: `(){};,.` and operators.
 */
function isDataLine(line: string): boolean {
  let other = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45;
    if (!word) other++;
  }
  return other / line.length < 0.05;
}

/** Quote characters that open a string literal. */
const QUOTES = new Set([34 /* " */, 39 /* ' */, 96 /* ` */]);

/**
 * True when most of a long line is one string literal: generated data (`const json =
 * String.raw\`{…}\``, `JSON.parse("…")`), whatever its characters. The literal runs from the
 * line's first quote to the next unescaped one of the same kind (a template's `${` ends it: code).
 */
function isStringLine(line: string): boolean {
  let open = -1;
  for (let i = 0; i < line.length && open < 0; i++) if (QUOTES.has(line.charCodeAt(i))) open = i;
  if (open < 0) return false;
  const quote = line.charCodeAt(open);
  let i = open + 1;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \\ */) i++;
    else if (c === quote) break;
    else if (quote === 96 && c === 36 /* $ */ && line.charCodeAt(i + 1) === 123 /* { */) return false;
  }
  return (i - open) / line.length > 0.9;
}

/**
 * Returns true when a file looks minified: a bundler's output, not source anyone wrote. Most of
 * the file must sit on long lines of *code*: a source file that embeds a long base64 string (an
 * icon, a key) or a generated module holding its data in one string has long lines of data and
 * is source, so it is scanned.
 */
export function looksMinified(file: string, text: string): boolean {
  if (/\.min\.[cm]?js$/.test(file)) return true;
  if (text.length <= 2000) return false;
  let onLongCodeLines = 0;
  for (const line of text.split('\n')) {
    if (line.length >= LONG_LINE && !isDataLine(line) && !isStringLine(line)) onLongCodeLines += line.length;
  }
  return onLongCodeLines / text.length > 0.5;
}

/**
 * What shows that code calls Forge: a `@forge/…` module name in quotes, a product or remote
 * request function being called or defined (`requestJira(`, `requestJira:`, `requestJira=`), or
 * the runtime globals `@forge/api` and `@forge/bridge` talk to (present when a bundle inlines
 * them). A plain `fetch(` is not among them: every browser library has one, and it needs no scope.
 */
const FORGE_REFERENCE = /["'`]@forge\/[a-z-]+|\b(?:requestJira|requestConfluence|requestBitbucket|requestGraph|requestTeamworkGraph|requestAtlassian|invokeRemote|invokeService)\s*[(:=]|\b__forge_(?:fetch|runtime)__\b|\b__bridge\b/;

/** Returns the first Forge reference in a file's text (its offset and what it is), if any. */
export function forgeReference(text: string): { index: number; what: string } | undefined {
  const found = FORGE_REFERENCE.exec(text);
  return found ? { index: found.index, what: found[0].replace(/^["'`]|\s*[(:=]$/g, '') } : undefined;
}
