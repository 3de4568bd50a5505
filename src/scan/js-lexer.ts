/**
 * Lexical helpers of the nesting pre-scan (`nesting-estimate.ts`): character classes, the keywords
 * it tells apart, and skipping strings, comments, regexes and JSX names the way the parser reads
 * them. Each returns the index after what it skipped, -1 when it is unterminated.
 */

// Keyword classes, as bit flags.
/** Reserved words after which an operand comes (a `/` starts a regex, a `<` may start JSX). */
export const OPERAND = 1;
/** `do`, `else`, `try`, `finally`: a statement follows, part of this one. */
export const HEAD_WORD = 2;
/** Keywords in some places, plain names in others: what follows them cannot be told apart. */
export const CONTEXTUAL = 4;
/** The `(…)` after these is a statement's head: a statement follows its `)`. */
export const PAREN_HEAD = 8;
/** These continue the statement of the line before, so a line break before them ends nothing. */
export const CONTINUING = 16;
/** `else`, `await`, `for` themselves. */
export const ELSE = 32;
/** `await` (after `for`: `for await (`). */
export const AWAIT = 64;
/** `for`. */
export const FOR = 128;
const KEYWORD_CLASSES: [number, string[]][] = [
  [OPERAND, ['return', 'typeof', 'instanceof', 'in', 'new', 'delete', 'void', 'throw', 'case', 'extends', 'export', 'default', 'import', 'const', 'var', 'function', 'class', 'if', 'while', 'for', 'with', 'switch', 'catch']],
  [HEAD_WORD, ['do', 'else', 'try', 'finally']],
  [CONTEXTUAL, ['await', 'yield', 'of', 'let', 'keyof', 'infer', 'is', 'asserts', 'unique', 'readonly']],
  [PAREN_HEAD, ['if', 'while', 'for', 'with', 'switch', 'catch']],
  [CONTINUING, ['in', 'instanceof', 'of', 'as', 'satisfies', 'else', 'catch', 'finally', 'extends', 'implements', 'while', 'from', 'is']],
  [ELSE, ['else']],
  [AWAIT, ['await']],
  [FOR, ['for']],
];
const hashOf = (text: string, from: number, to: number): number => {
  let h = 0;
  for (let k = from; k < to; k++) h = (h * 31 + text.charCodeAt(k)) | 0;
  return h;
};
// Found by a hash of the character codes: a name that is no keyword costs no string.
const KEYWORDS = new Map<number, { word: string; flags: number }[]>();
for (const [flag, words] of KEYWORD_CLASSES) {
  for (const word of words) {
    const h = hashOf(word, 0, word.length);
    const list = KEYWORDS.get(h) ?? [];
    const entry = list.find((k) => k.word === word);
    if (entry) entry.flags |= flag;
    else list.push({ word, flags: flag });
    KEYWORDS.set(h, list);
  }
}
/** The keyword flags of `text[from, to)`, 0 for any other name. */
export function keywordFlags(text: string, from: number, to: number): number {
  const c = text.charCodeAt(from);
  if (to - from > 10 || c < 97 || c > 122) return 0;
  for (const k of KEYWORDS.get(hashOf(text, from, to)) ?? []) if (k.word.length === to - from && text.startsWith(k.word, from)) return k.flags;
  return 0;
}

// ASCII character classes, looked up rather than computed: this loop runs over every character.
const IDENT = 1, DIGIT = 2, SPACE = 4, LINE_END = 8;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c === 92) ASCII[c] = IDENT;
  else if (c >= 48 && c <= 57) ASCII[c] = IDENT | DIGIT;
  else if (c === 32 || c === 9 || c === 11 || c === 12) ASCII[c] = SPACE;
  else if (c === 10 || c === 13) ASCII[c] = SPACE | LINE_END;
}
/** True for an ASCII digit. */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** True for a JavaScript line terminator (LF, CR, U+2028, U+2029). */
export const isLineEnd = (c: number): boolean => (c < 128 ? (ASCII[c] & LINE_END) !== 0 : c === 0x2028 || c === 0x2029);
const isWideSpace = (c: number): boolean =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** True for JavaScript white space or a line terminator. */
export const isSpace = (c: number): boolean => (c < 128 ? (ASCII[c] & SPACE) !== 0 : isWideSpace(c));
// Non-ASCII: any character but white space can be part of a name (the parser says which are valid).
/** True for a character that may continue a name. */
export const isIdentPart = (c: number): boolean => (c < 128 ? (ASCII[c] & IDENT) !== 0 : !isWideSpace(c));
/** True for a character that may start a name. */
export const isIdentStart = (c: number): boolean => (c < 128 ? ASCII[c] === IDENT : !isWideSpace(c));

/** True when `text[from, to)` holds a line terminator. */
export function hasLineEnd(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isLineEnd(text.charCodeAt(k))) return true;
  return false;
}

/** Skips a line comment (or `#!` line) to its line terminator. */
export function skipLineComment(text: string, j: number): number {
  while (j < text.length && !isLineEnd(text.charCodeAt(j))) j++;
  return j;
}

/** Skips a block comment from its `/*`; -1 when unterminated. */
export function skipBlockComment(text: string, j: number): number {
  const e = text.indexOf('*/', j + 2);
  return e < 0 ? -1 : e + 2;
}

/** Skips a quoted string from its opening quote; -1 when unterminated. JSX attribute strings (`js` false) have no escapes and may span lines. */
export function skipString(text: string, j: number, quote: number, js: boolean): number {
  for (j++; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === quote) return j + 1;
    if (js && c === 92) j += text.charCodeAt(j + 1) === 13 && text.charCodeAt(j + 2) === 10 ? 2 : 1;
    else if (js && (c === 10 || c === 13)) return -1;
  }
  return -1;
}

/** Skips a regex literal from its `/`, flags included; -1 when unterminated. */
export function skipRegex(text: string, j: number): number {
  let inClass = false;
  for (j++; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (isLineEnd(c)) return -1;
    if (c === 92) j++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      j++;
      while (j < text.length && isIdentPart(text.charCodeAt(j))) j++;
      return j;
    }
  }
  return -1;
}

/** Skips white space and comments (as inside JSX tags); an unterminated comment runs to the end. */
export function skipSpace(text: string, j: number): number {
  for (;;) {
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 47) j = skipLineComment(text, j);
    else if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) {
      const e = skipBlockComment(text, j);
      if (e < 0) return text.length;
      j = e;
    } else return j;
  }
}

/** Reads a JSX name (`a`, `a-b`, `a.b`, `a:b`). */
export function readName(text: string, j: number): number {
  for (let c = text.charCodeAt(j); j < text.length && (isIdentPart(c) || c === 45 || c === 46 || c === 58); c = text.charCodeAt(++j));
  return j;
}
