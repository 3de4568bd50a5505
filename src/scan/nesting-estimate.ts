/**
 * A linear pre-scan that bounds how deep oxc's native parser will recurse on a file, so a file
 * that would overflow the thread's stack (which ends the process: no exception can be caught)
 * is never handed to it in-process.
 *
 * The estimate is in *levels*: every token adds one to the statement or list element it is in,
 * every open bracket, `${` or JSX element adds two while open; siblings (list elements after
 * `,`, statements after `;` or a line break that ends a statement) start again from zero. That
 * is an upper bound of the syntax tree's depth along any path, whatever the construct (brackets,
 * ternaries, arrows, operator chains, `if`/`else` chains, labels, templates, JSX, generics).
 *
 * The lexer must agree with the parser on what is code: a quote, a `/` or a `<` read the wrong
 * way could hide real brackets inside a "string". Where JavaScript itself is ambiguous for a
 * lexer (a `/` after a `}` that may end a block or an object literal, a contextual keyword, a
 * `<Name>(` in TSX that may be JSX or a type parameter list), the rest of the file is counted
 * without lexing at all: two levels per character, which sends the file to the isolated parser.
 * Beyond the first syntax error nothing matters: oxc stops there.
 */

/** The parser dialect of a file, as `parseSource` chooses it. */
export type Dialect = 'jsx' | 'ts' | 'tsx';

const FRAME = 2;

// Frame kinds.
const PROGRAM = 0, PAREN = 1, BRACKET = 2, BRACE = 3, SUBST = 4, JSX_TAG = 5, JSX_CHILDREN = 6, JSX_EXPR = 7;
// What the previous token lets come next: the lexer's "regex allowed" state, refined.
/** An operand: `/` starts a regex, `{` an object literal. */
const OP = 0;
/** A statement (after `;` or a block): `/` starts a regex, `{` a block; a line break may end nothing more. */
const STMT = 1;
/** The end of an expression: `/` divides, `<` compares. */
const END = 2;
/** Cannot be told without parsing (a `}` that may end a block or an object, a contextual keyword). */
const AMBIG = 3;
/** After `=>`: `{` opens a function body. */
const ARROW = 4;
/** After `:`: `{` is a block after a label or `case`, an object after a property name or in a ternary. */
const COLON = 5;
/** After `if (…)`, `else`, `do`: a statement follows, part of the one before. */
const HEAD = 6;
/** After a contextual keyword (`await`, `yield`, `keyof`…): like AMBIG, and its operand may follow on the next line. */
const CONTEXT = 7;

interface Frame {
  kind: number;
  /** Units since the last sibling boundary (`,`, `;`, a line break that ends a statement). */
  seg: number;
  /** Units since the last statement boundary, restored by an `else` that continues the statement. */
  stmt: number;
  saved: number;
  /** Open `<` that may be type arguments: `,` does not separate those. */
  lt: number;
  /** The `prev` state once the frame closes. */
  close: number;
}

// Keyword classes, as bit flags.
/** Reserved words after which an operand comes (a `/` starts a regex, a `<` may start JSX). */
const OPERAND = 1;
/** `do`, `else`, `try`, `finally`: a statement follows, part of this one. */
const HEAD_WORD = 2;
/** Keywords in some places, plain names in others: what follows them cannot be told apart. */
const CONTEXTUAL = 4;
/** The `(…)` after these is a statement's head: a statement follows its `)`. */
const PAREN_HEAD = 8;
/** These continue the statement of the line before, so a line break before them ends nothing. */
const CONTINUING = 16;
const ELSE = 32;
const AWAIT = 64;
const FOR = 128;
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
function keywordFlags(text: string, from: number, to: number): number {
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
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLineEnd = (c: number): boolean => (c < 128 ? (ASCII[c] & LINE_END) !== 0 : c === 0x2028 || c === 0x2029);
const isWideSpace = (c: number): boolean =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isSpace = (c: number): boolean => (c < 128 ? (ASCII[c] & SPACE) !== 0 : isWideSpace(c));
// Non-ASCII: any character but white space can be part of a name (the parser says which are valid).
const isIdentPart = (c: number): boolean => (c < 128 ? (ASCII[c] & IDENT) !== 0 : !isWideSpace(c));
const isIdentStart = (c: number): boolean => (c < 128 ? ASCII[c] === IDENT : !isWideSpace(c));

/** Returns an upper bound of the nesting oxc meets in `text` (see the file comment), in levels. */
export function nestingEstimate(text: string, dialect: Dialect): number {
  const n = text.length;
  const jsx = dialect !== 'ts';
  const ts = dialect !== 'jsx';
  const frames: Frame[] = [{ kind: PROGRAM, seg: 0, stmt: 0, saved: 0, lt: 0, close: STMT }];
  let top = frames[0];
  let cur = 0;
  let max = 0;
  let prev = STMT;
  let newline = false;
  let afterDot = false;
  let parenHead = false;
  let lastFlags = 0;
  let i = 0;

  const add = (units: number): void => {
    top.seg += units;
    top.stmt += units;
    cur += units;
    if (cur > max) max = cur;
  };
  const addLt = (): void => {
    top.lt++;
    if (++cur > max) max = cur;
  };
  const push = (kind: number, close: number): void => {
    top = { kind, seg: 0, stmt: 0, saved: 0, lt: 0, close };
    frames.push(top);
    cur += FRAME;
    if (cur > max) max = cur;
  };
  /** Closes the innermost frame; the group counts as one token of the frame around it. */
  const pop = (): Frame => {
    const f = frames.pop()!;
    cur -= FRAME + f.seg + f.lt;
    top = frames[frames.length - 1];
    add(1);
    return f;
  };
  /** A list element starts: what came before it in the list is no ancestor of what follows. */
  const sibling = (): void => {
    cur -= top.seg;
    top.seg = 0;
  };
  /** A statement starts; an `else` may still continue the one before. */
  const statement = (): void => {
    cur -= top.seg + top.lt;
    top.saved = top.stmt;
    top.seg = top.stmt = top.lt = 0;
  };
  /** Gives up lexing: every remaining character may open a level. */
  const rest = (from: number): number => Math.max(max, cur + FRAME * (n - from));

  const skipLineComment = (j: number): number => {
    while (j < n && !isLineEnd(text.charCodeAt(j))) j++;
    return j;
  };
  /** Skips a block comment; -1 when unterminated. A line break inside counts for ASI. */
  const skipBlockComment = (j: number): number => {
    const e = text.indexOf('*/', j + 2);
    if (e < 0) return -1;
    for (let k = j + 2; k < e; k++) if (isLineEnd(text.charCodeAt(k))) { newline = true; break; }
    return e + 2;
  };
  /** Skips a quoted string from its opening quote; -1 when unterminated. JSX attribute strings have no escapes and may span lines. */
  const skipString = (j: number, quote: number, js: boolean): number => {
    for (j++; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === quote) return j + 1;
      if (js && c === 92) j += text.charCodeAt(j + 1) === 13 && text.charCodeAt(j + 2) === 10 ? 2 : 1;
      else if (js && (c === 10 || c === 13)) return -1;
    }
    return -1;
  };
  /** Skips a regex literal from its `/`, flags included; -1 when unterminated. */
  const skipRegex = (j: number): number => {
    let inClass = false;
    for (j++; j < n; j++) {
      const c = text.charCodeAt(j);
      if (isLineEnd(c)) return -1;
      if (c === 92) j++;
      else if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) {
        j++;
        while (j < n && isIdentPart(text.charCodeAt(j))) j++;
        return j;
      }
    }
    return -1;
  };
  /** Skips white space and comments (inside JSX tags). */
  const skipSpace = (j: number): number => {
    for (;;) {
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 47) j = skipLineComment(j);
      else if (text.charCodeAt(j) === 47 && text.charCodeAt(j + 1) === 42) {
        const e = skipBlockComment(j);
        if (e < 0) return n;
        j = e;
      } else return j;
    }
  };
  /** Reads a JSX name (`a`, `a-b`, `a.b`, `a:b`). */
  const readName = (j: number): number => {
    for (let c = text.charCodeAt(j); j < n && (isIdentPart(c) || c === 45 || c === 46 || c === 58); c = text.charCodeAt(++j));
    return j;
  };
  /** Reads template text after a backtick or the `}` of a `${`: up to the closing backtick, or into the next `${`. */
  const template = (j: number): number => {
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 96) break;
      else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        push(SUBST, OP);
        prev = OP;
        return j + 2;
      }
    }
    prev = END;
    return j + 1;
  };
  /**
   * Reads `<` in operand position: a JSX element (its frame pushed; returns the index after its
   * name), a TSX type parameter list (`<T,>`, `<T extends U>`, `<T = X>`: returns 0), or something
   * a lexer cannot tell (`<T>(` and `<const T…` in TSX are type parameters in a type and JSX in an
   * expression: returns minus the index).
   */
  const jsxElement = (at: number, inJsx: boolean): number => {
    const nameStart = skipSpace(at + 1);
    const nameEnd = readName(nameStart);
    const after = skipSpace(nameEnd);
    const next = text.charCodeAt(after);
    if (nameEnd === nameStart && next !== 62) return -at; // only `<>` opens a fragment
    if (ts && !inJsx && nameEnd > nameStart) {
      if (next === 44 || next === 61 || (text.startsWith('extends', after) && !isIdentPart(text.charCodeAt(after + 7)))) return 0;
      if ((next === 62 && text.charCodeAt(skipSpace(after + 1)) === 40) || text.startsWith('const', nameStart)) return -at;
    }
    add(1);
    push(JSX_TAG, END);
    prev = OP;
    afterDot = false;
    return nameEnd;
  };
  /** Closes a JSX element: its frame, and the child it is of its parent's children. */
  const closeElement = (): void => {
    pop();
    if (top.kind === JSX_CHILDREN) sibling();
    prev = END;
    afterDot = false;
    newline = false;
  };

  if (text.charCodeAt(0) === 35 && text.charCodeAt(1) === 33) i = skipLineComment(0); // #! line

  while (i < n) {
    const c = text.charCodeAt(i);
    const k = top.kind;

    if (k === JSX_TAG) {
      // Inside `<name attr="…" {...spread}>`.
      i = skipSpace(i);
      if (i >= n) break;
      const d = text.charCodeAt(i);
      if (d === 47 && text.charCodeAt(i + 1) === 62) { closeElement(); i += 2; continue; }
      if (d === 62) { top.kind = JSX_CHILDREN; i++; continue; }
      if (d === 123) { push(JSX_EXPR, OP); prev = OP; i++; continue; }
      if (d === 34 || d === 39) {
        const e = skipString(i, d, false);
        if (e < 0) return rest(i);
        i = e;
        continue;
      }
      if (d === 60) {
        const e = jsxElement(i, true);
        if (e <= 0) return rest(i);
        i = e;
        continue;
      }
      if (d === 61) { i++; continue; }
      if (isIdentPart(d) || d === 45) { i = readName(i); continue; }
      return rest(i); // not JSX: the parser stops here with an error
    }
    if (k === JSX_CHILDREN) {
      // Text runs to the next `{` or `<`: quotes, slashes and backticks in it are text.
      while (i < n && text.charCodeAt(i) !== 123 && text.charCodeAt(i) !== 60) i++;
      if (i >= n) break;
      if (text.charCodeAt(i) === 123) { sibling(); push(JSX_EXPR, OP); prev = OP; i++; continue; }
      const j = skipSpace(i + 1);
      if (text.charCodeAt(j) === 47) {
        const e = skipSpace(readName(skipSpace(j + 1)));
        if (text.charCodeAt(e) !== 62) return rest(i);
        closeElement();
        i = e + 1;
        continue;
      }
      sibling();
      const e = jsxElement(i, true);
      if (e <= 0) return rest(i);
      i = e;
      continue;
    }

    // Code.
    if (isSpace(c)) {
      if (isLineEnd(c)) newline = true;
      i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 47) { i = skipLineComment(i); continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = skipBlockComment(i);
      if (e < 0) return rest(i);
      i = e;
      continue;
    }

    // A line break between a statement's end and a word or literal that cannot continue it starts another statement.
    const nl = newline;
    newline = false;
    if (nl && (prev === END || prev === AMBIG || prev === STMT) && (c === 39 || c === 34 || isDigit(c) || isIdentStart(c))) {
      let e = i;
      while (e < n && e < i + 11 && isIdentPart(text.charCodeAt(e))) e++;
      if (!(keywordFlags(text, i, e) & CONTINUING)) statement();
    }

    if (c === 64) { add(1); prev = OP; afterDot = false; i++; continue; } // decorator
    if (isIdentStart(c) || c === 35) {
      let e = i + 1;
      while (e < n && isIdentPart(text.charCodeAt(e))) e++;
      const flags = afterDot ? 0 : keywordFlags(text, i, e);
      add(1);
      if (flags & ELSE) {
        top.seg += top.saved;
        top.stmt += top.saved;
        cur += top.saved;
        top.saved = 0;
        if (cur > max) max = cur;
      }
      parenHead = (flags & PAREN_HEAD) !== 0 || ((flags & AWAIT) !== 0 && (lastFlags & FOR) !== 0 && parenHead);
      prev = flags & OPERAND ? OP : flags & HEAD_WORD ? HEAD : flags & CONTEXTUAL ? CONTEXT : END;
      lastFlags = flags;
      afterDot = false;
      i = e;
      continue;
    }
    const head = parenHead;
    parenHead = false;
    lastFlags = 0;
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let e = i + 1;
      while (e < n && (isIdentPart(text.charCodeAt(e)) || text.charCodeAt(e) === 46)) e++;
      add(1);
      prev = END;
      afterDot = false;
      i = e;
      continue;
    }
    afterDot = false;
    if (c === 39 || c === 34) {
      const e = skipString(i, c, true);
      if (e < 0) return rest(i);
      add(1);
      prev = END;
      i = e;
      continue;
    }
    if (c === 96) { add(1); i = template(i + 1); continue; }
    if (c === 47) {
      if (prev === AMBIG || prev === CONTEXT) return rest(i);
      if (prev === END) { add(1); prev = OP; i++; continue; }
      const e = skipRegex(i);
      if (e < 0) return rest(i);
      add(1);
      prev = END;
      i = e;
      continue;
    }
    if (c === 60 && (text.charCodeAt(i + 1) === 60 || text.charCodeAt(i + 1) === 61)) {
      // `<<`, `<=`, `<<=`: operators, never the start of JSX or type arguments.
      const len = text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) === 61 ? 3 : 2;
      add(len);
      prev = OP;
      i += len;
      continue;
    }
    if (c === 60 && jsx && prev !== END) {
      if (prev === AMBIG || prev === CONTEXT) return rest(i);
      const e = jsxElement(i, false);
      if (e < 0) return rest(i);
      if (e > 0) { i = e; continue; }
      // A TSX type parameter list: an ordinary `<`.
    }
    switch (c) {
      case 40: push(PAREN, head ? HEAD : END); prev = OP; break;
      case 91: push(BRACKET, END); prev = OP; break;
      case 123: push(BRACE, prev === OP ? END : prev === STMT || prev === ARROW || prev === HEAD ? STMT : AMBIG); prev = STMT; break;
      case 41: case 93: case 125: {
        if (frames.length === 1) return rest(i); // unbalanced: the parser stops here
        const f = pop();
        if (f.kind === SUBST && c === 125) { i = template(i + 1); continue; }
        if (f.kind === JSX_EXPR) { newline = false; prev = OP; i++; continue; }
        prev = f.close;
        break;
      }
      case 59: statement(); prev = STMT; break;
      case 44: sibling(); prev = OP; break;
      case 58: add(1); prev = COLON; break;
      case 46:
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) { add(3); prev = OP; i += 3; continue; }
        add(1); prev = OP; afterDot = true; break;
      case 63:
        add(1); prev = OP;
        if (text.charCodeAt(i + 1) === 46 && !isDigit(text.charCodeAt(i + 2))) { afterDot = true; i++; }
        break;
      case 43: case 45:
        if (text.charCodeAt(i + 1) === c) {
          // `a++` ends an expression; a line break before `++` makes it a prefix (ASI).
          add(2);
          prev = prev === END && !nl ? END : prev === AMBIG || prev === CONTEXT ? AMBIG : OP;
          i += 2;
          continue;
        }
        add(1); prev = OP; break;
      case 33:
        // TypeScript's non-null assertion `x!` ends an expression; `!x` starts one.
        add(1);
        prev = ts && prev === END && !nl && text.charCodeAt(i + 1) !== 61 ? END : prev === AMBIG || prev === CONTEXT ? AMBIG : OP;
        break;
      case 61:
        add(1);
        if (text.charCodeAt(i + 1) === 62) { add(1); prev = ARROW; i += 2; continue; }
        prev = OP; break;
      case 60: add(1); addLt(); prev = OP; break;
      case 62:
        add(1);
        if (top.lt > 0) { top.lt--; cur--; }
        prev = OP; break;
      default: add(1); prev = OP;
    }
    i++;
  }
  return max;
}
