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

import * as lexer from './js-lexer';
import { NestingLevels } from './nesting-levels';

// Bound once: compiled to CommonJS, each call would otherwise read the module object, on every
// character (3–5× slower, measured).
const { AWAIT, CONTEXTUAL, CONTINUING, ELSE, FOR, HEAD_WORD, hasLineEnd, isDigit, isIdentPart, isIdentStart, isLineEnd, isSpace, keywordFlags, OPERAND, PAREN_HEAD, readName, skipBlockComment, skipLineComment, skipRegex, skipSpace, skipString } = lexer;

/** The parser dialect of a file, as `parseSource` chooses it. */
export type Dialect = 'jsx' | 'ts' | 'tsx';

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

/** Returns an upper bound of the nesting oxc meets in `text` (see the file comment), in levels. */
export function nestingEstimate(text: string, dialect: Dialect): number {
  const n = text.length;
  const jsx = dialect !== 'ts';
  const ts = dialect !== 'jsx';
  const levels = new NestingLevels(PROGRAM, STMT);
  let prev = STMT;
  let newline = false;
  let afterDot = false;
  let parenHead = false;
  let lastFlags = 0;
  let i = 0;

  /** Gives up lexing: every remaining character may open a level. */
  const rest = (from: number): number => levels.giveUp(n - from);

  /** Reads template text after a backtick or the `}` of a `${`: up to the closing backtick, or into the next `${`. */
  const template = (j: number): number => {
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 96) break;
      else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        levels.push(SUBST, OP);
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
    const nameStart = skipSpace(text, at + 1);
    const nameEnd = readName(text, nameStart);
    const after = skipSpace(text, nameEnd);
    const next = text.charCodeAt(after);
    if (nameEnd === nameStart && next !== 62) return -at; // only `<>` opens a fragment
    if (ts && !inJsx && nameEnd > nameStart) {
      if (next === 44 || next === 61 || (text.startsWith('extends', after) && !isIdentPart(text.charCodeAt(after + 7)))) return 0;
      if ((next === 62 && text.charCodeAt(skipSpace(text, after + 1)) === 40) || text.startsWith('const', nameStart)) return -at;
    }
    levels.add(1);
    levels.push(JSX_TAG, END);
    prev = OP;
    afterDot = false;
    return nameEnd;
  };
  /** Closes a JSX element: its frame, and the child it is of its parent's children. */
  const closeElement = (): void => {
    levels.pop();
    if (levels.top.kind === JSX_CHILDREN) levels.sibling();
    prev = END;
    afterDot = false;
    newline = false;
  };

  if (text.charCodeAt(0) === 35 && text.charCodeAt(1) === 33) i = skipLineComment(text, 0); // #! line

  while (i < n) {
    const c = text.charCodeAt(i);
    const k = levels.top.kind;

    if (k === JSX_TAG) {
      // Inside `<name attr="…" {...spread}>`.
      i = skipSpace(text, i);
      if (i >= n) break;
      const d = text.charCodeAt(i);
      if (d === 47 && text.charCodeAt(i + 1) === 62) { closeElement(); i += 2; continue; }
      if (d === 62) { levels.top.kind = JSX_CHILDREN; i++; continue; }
      if (d === 123) { levels.push(JSX_EXPR, OP); prev = OP; i++; continue; }
      if (d === 34 || d === 39) {
        const e = skipString(text, i, d, false);
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
      if (isIdentPart(d) || d === 45) { i = readName(text, i); continue; }
      return rest(i); // not JSX: the parser stops here with an error
    }
    if (k === JSX_CHILDREN) {
      // Text runs to the next `{` or `<`: quotes, slashes and backticks in it are text.
      while (i < n && text.charCodeAt(i) !== 123 && text.charCodeAt(i) !== 60) i++;
      if (i >= n) break;
      if (text.charCodeAt(i) === 123) { levels.sibling(); levels.push(JSX_EXPR, OP); prev = OP; i++; continue; }
      const j = skipSpace(text, i + 1);
      if (text.charCodeAt(j) === 47) {
        const e = skipSpace(text, readName(text, skipSpace(text, j + 1)));
        if (text.charCodeAt(e) !== 62) return rest(i);
        closeElement();
        i = e + 1;
        continue;
      }
      levels.sibling();
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
    if (c === 47 && text.charCodeAt(i + 1) === 47) { i = skipLineComment(text, i); continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = skipBlockComment(text, i);
      if (e < 0) return rest(i);
      // A line break inside a comment counts as one for ASI.
      if (hasLineEnd(text, i, e)) newline = true;
      i = e;
      continue;
    }

    // A line break between a statement's end and a word or literal that cannot continue it starts another statement.
    const nl = newline;
    newline = false;
    if (nl && (prev === END || prev === AMBIG || prev === STMT) && (c === 39 || c === 34 || isDigit(c) || isIdentStart(c))) {
      let e = i;
      while (e < n && e < i + 11 && isIdentPart(text.charCodeAt(e))) e++;
      if (!(keywordFlags(text, i, e) & CONTINUING)) levels.statement();
    }

    if (c === 64) { levels.add(1); prev = OP; afterDot = false; i++; continue; } // decorator
    if (isIdentStart(c) || c === 35) {
      let e = i + 1;
      while (e < n && isIdentPart(text.charCodeAt(e))) e++;
      const flags = afterDot ? 0 : keywordFlags(text, i, e);
      levels.add(1);
      if (flags & ELSE) {
        levels.continueStatement();
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
      levels.add(1);
      prev = END;
      afterDot = false;
      i = e;
      continue;
    }
    afterDot = false;
    if (c === 39 || c === 34) {
      const e = skipString(text, i, c, true);
      if (e < 0) return rest(i);
      levels.add(1);
      prev = END;
      i = e;
      continue;
    }
    if (c === 96) { levels.add(1); i = template(i + 1); continue; }
    if (c === 47) {
      if (prev === AMBIG || prev === CONTEXT) return rest(i);
      if (prev === END) { levels.add(1); prev = OP; i++; continue; }
      const e = skipRegex(text, i);
      if (e < 0) return rest(i);
      levels.add(1);
      prev = END;
      i = e;
      continue;
    }
    // `<!--`, and `-->` first on a line, comment out the rest of the line in a script (oxc honours
    // them) and are operators in a module: a lexer cannot tell which.
    if (c === 60 && text.startsWith('!--', i + 1)) return rest(i);
    if (c === 45 && (nl || i === 0) && text.startsWith('->', i + 1)) return rest(i);
    if (c === 60 && (text.charCodeAt(i + 1) === 60 || text.charCodeAt(i + 1) === 61)) {
      // `<<`, `<=`, `<<=`: operators, never the start of JSX or type arguments.
      const len = text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) === 61 ? 3 : 2;
      levels.add(len);
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
      case 40: levels.push(PAREN, head ? HEAD : END); prev = OP; break;
      case 91: levels.push(BRACKET, END); prev = OP; break;
      case 123: levels.push(BRACE, prev === OP ? END : prev === STMT || prev === ARROW || prev === HEAD ? STMT : AMBIG); prev = STMT; break;
      case 41: case 93: case 125: {
        if (levels.depth === 0) return rest(i); // unbalanced: the parser stops here
        const f = levels.pop();
        if (f.kind === SUBST && c === 125) { i = template(i + 1); continue; }
        if (f.kind === JSX_EXPR) { newline = false; prev = OP; i++; continue; }
        prev = f.close;
        break;
      }
      case 59: levels.statement(); prev = STMT; break;
      case 44: levels.sibling(); prev = OP; break;
      case 58: levels.add(1); prev = COLON; break;
      case 46:
        if (text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) { levels.add(3); prev = OP; i += 3; continue; }
        levels.add(1); prev = OP; afterDot = true; break;
      case 63:
        levels.add(1); prev = OP;
        if (text.charCodeAt(i + 1) === 46 && !isDigit(text.charCodeAt(i + 2))) { afterDot = true; i++; }
        break;
      case 43: case 45:
        if (text.charCodeAt(i + 1) === c) {
          // `a++` ends an expression; a line break before `++` makes it a prefix (ASI).
          levels.add(2);
          prev = prev === END && !nl ? END : prev === AMBIG || prev === CONTEXT ? AMBIG : OP;
          i += 2;
          continue;
        }
        levels.add(1); prev = OP; break;
      case 33:
        // TypeScript's non-null assertion `x!` ends an expression; `!x` starts one.
        levels.add(1);
        prev = ts && prev === END && !nl && text.charCodeAt(i + 1) !== 61 ? END : prev === AMBIG || prev === CONTEXT ? AMBIG : OP;
        break;
      case 61:
        levels.add(1);
        if (text.charCodeAt(i + 1) === 62) { levels.add(1); prev = ARROW; i += 2; continue; }
        prev = OP; break;
      case 60: levels.add(1); levels.openAngle(); prev = OP; break;
      case 62:
        levels.add(1);
        levels.closeAngle();
        prev = OP; break;
      default: levels.add(1); prev = OP;
    }
    i++;
  }
  return levels.max;
}
