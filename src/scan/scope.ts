/** Lexical scopes built during the single walk over a file's AST; looked up after the walk so hoisting works. */

/** An ESTree node as oxc-parser returns it (plain JSON object). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

/** One value a binding may hold: its initialiser or an assignment, with the scope to evaluate it in. */
export interface Init {
  node: Node;
  scope: Scope;
  /** Property taken from the value when the binding was destructured (`const { a } = x`). */
  key?: string;
  /** The binding holds each element of this value in turn (`for (const p of LIST)`, `LIST.map((p) => …)`). */
  element?: true;
}

/** A declared name. */
export interface Binding {
  kind: 'const' | 'let' | 'var' | 'param' | 'function' | 'import' | 'class' | 'other';
  inits: Init[];
  /** For parameters: the function and position; `key` when the parameter was destructured. */
  param?: { fn: string; i: number; name: string; key?: string; dflt?: Node; rest?: true };
  /** Assigned after its declaration in any way (`x = …`, `x ??= …`): a parameter then no longer holds the argument. */
  reassigned?: true;
  /** For function declarations and `const f = () => ...`: the function's id. */
  fn?: string;
  /** For class declarations: the class node (its methods are in `FileFacts.classes`). */
  cls?: Node;
  /** For imports and `require(...)` results: module specifier and imported name (`default`, `*`, or a name). */
  import?: { source: string; name: string };
  /**
   * Properties assigned after the declaration (`init.method = 'PUT'`): the key (undefined when
   * computed from a value, `*` for an object merged in by `Object.assign(init, src)`), the value,
   * and whether the statement always runs where it stands (a statement of a block, not nested in
   * an `if`, loop or expression).
   */
  memberAssigns?: { key?: string; init: Init; direct: boolean; start: number }[];
}

/** A function seen in the file: its return expressions let `const p = makePath(x)` resolve. */
export interface FnInfo {
  id: string;
  node: Node;
  scope: Scope;
  params: string[];
  /** Return expressions, each with the scope it is evaluated in (the function's own or a block's). */
  returns: { node: Node; scope: Scope }[];
  /** The class or object literal the function is a method of (what `this` is inside it). */
  owner?: Node;
  /** An arrow function that is a class field (`get = (p) => this.send(p)`): its `this` is the instance (the class when static). */
  classField?: true;
}

/** A class or object literal whose methods `this.x(...)` and `obj.x(...)` can reach. */
export interface OwnerInfo {
  node: Node;
  scope: Scope;
  /** Member name → value node (a function, or any value for object literals). */
  members: Map<string, Node>;
  /** Values assigned to `this.x` in its methods, and class fields. */
  thisProps: Map<string, Init[]>;
  /** The `extends` expression of a class. */
  superClass?: Node;
}

/** Returns the class or object literal `this` refers to in a scope (arrow functions keep the enclosing one, class-field arrows the instance). */
export function thisOwner(scope: Scope): Node | undefined {
  let f = scope.fn;
  while (f && f.node.type === 'ArrowFunctionExpression' && !f.classField) f = f.scope.fn;
  return f?.owner;
}

/** A lexical scope. */
export class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Scope | undefined,
    readonly fn: FnInfo | undefined,
    readonly isFunction: boolean,
  ) {}

  /** Returns the binding `name` resolves to from this scope, if declared anywhere up the chain. */
  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** Returns the nearest function (or module) scope, where `var` and function declarations live. */
  hoistTarget(): Scope {
    let s: Scope = this;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  }
}
