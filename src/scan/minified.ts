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

/**
 * Returns true when a file looks minified: a bundler's output, not source anyone wrote. Most of
 * the file must sit on long lines of *code*: a source file that embeds a long base64 string (an
 * icon, a key) has one long line of data and is source, so it is scanned.
 */
export function looksMinified(file: string, text: string): boolean {
  if (/\.min\.[cm]?js$/.test(file)) return true;
  if (text.length <= 2000) return false;
  let onLongCodeLines = 0;
  for (const line of text.split('\n')) {
    if (line.length >= LONG_LINE && !isDataLine(line)) onLongCodeLines += line.length;
  }
  return onLongCodeLines / text.length > 0.5;
}
