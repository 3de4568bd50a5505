import type { Operation, PathForm } from './types';

/**
 * A segment tree of templates. Match order at each node, documented and fixed:
 * 1. a literal segment (exact, case-sensitive, after percent-decoding);
 * 2. a mixed segment such as `{repo_name}-issues-{task_id}.zip`;
 * 3. a single-segment parameter `{name}`;
 * 4. a trailing catch-all (Bitbucket's `{path}`, which spans `/`).
 * The search backtracks when a branch dead-ends, so a literal only wins when the whole path
 * matches through it. Nodes use `Map`s, so `__proto__` or `constructor` are plain segments.
 */
export interface RouteNode {
  statics?: Map<string, RouteNode>;
  param?: RouteNode;
  patterns?: { parts: readonly string[]; node: RouteNode }[];
  tail?: RouteNode;
  /** Operations that end at this node, by HTTP method. */
  methods?: Map<string, Operation>;
  /** For operations documented with several path forms: the form this route is. */
  form?: PathForm;
  /** Leading parameters of this form that the operation's template lacks (a `cloud-id` form's cloud id). */
  formSkip?: number;
}

/** The path form a route stands for, and how many leading parameters its template adds. */
export interface RouteForm {
  readonly form: PathForm;
  readonly skip: number;
}

/** Trailing parameters whose values may contain `/` (they span several segments). */
const CATCH_ALL_PARAMS = new Set(['path']);

/** A template that could not be added because another already holds its place. */
export interface Conflict {
  readonly kept: Operation;
  readonly shadowed: Operation;
}

/**
 * Adds an operation's template (or `route`, another documented form of its path) to the tree;
 * returns the conflict when the place is taken.
 */
export function insertRoute(root: RouteNode, op: Operation, route: string = op.template, form?: RouteForm): Conflict | undefined {
  const segments = route.split('/').slice(1);
  let node = root;
  segments.forEach((segment, i) => {
    const open = segment.indexOf('{');
    const whole = open === 0 && segment.indexOf('}') === segment.length - 1 && segment.indexOf('{', 1) < 0;
    if (whole && i === segments.length - 1 && CATCH_ALL_PARAMS.has(segment.slice(1, -1)) && op.family === 'requestBitbucket') {
      node = node.tail ??= {};
    } else if (whole) {
      node = node.param ??= {};
    } else if (open >= 0) {
      const parts = segment.split(/(\{[^{}]+\})/).filter(Boolean);
      const key = parts.map((p) => (p.startsWith('{') ? '{}' : p)).join('');
      node.patterns ??= [];
      let entry = node.patterns.find((p) => p.parts.map((x) => (x.startsWith('{') ? '{}' : x)).join('') === key);
      if (!entry) node.patterns.push((entry = { parts, node: {} }));
      node = entry.node;
    } else {
      node.statics ??= new Map();
      let child = node.statics.get(segment);
      if (!child) node.statics.set(segment, (child = {}));
      node = child;
    }
  });
  node.methods ??= new Map();
  const existing = node.methods.get(op.method);
  if (existing) return { kept: existing, shadowed: op };
  // Routes of one node share their form: the form belongs to the path, not the method.
  if (node.methods.size && node.form !== form?.form) return { kept: node.methods.values().next().value as Operation, shadowed: op };
  node.methods.set(op.method, op);
  if (form) {
    node.form = form.form;
    if (form.skip) node.formSkip = form.skip;
  }
  return undefined;
}

/** Makes `alias` a second name for the literal child `target` at `path` (e.g. `/rest/api/2` → `/rest/api/3`). */
export function aliasSegment(root: RouteNode, path: readonly string[], target: string, alias: string): void {
  let node: RouteNode | undefined = root;
  for (const segment of path) node = node?.statics?.get(segment);
  const child = node?.statics?.get(target);
  if (node && child && !node.statics!.has(alias)) node.statics!.set(alias, child);
}

/** Matches one segment against a mixed pattern's parts; returns the captured values or undefined. */
export function matchMixedSegment(parts: readonly string[], segment: string): string[] | undefined {
  const values: string[] = [];
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part.startsWith('{')) {
      if (!segment.startsWith(part, at)) return undefined;
      at += part.length;
      continue;
    }
    // A parameter runs up to the next literal part's last possible start (or the segment's end).
    const next = parts[i + 1];
    const end = next === undefined ? segment.length : segment.lastIndexOf(next);
    if (end <= at) return undefined;
    values.push(segment.slice(at, end));
    at = end;
  }
  return at === segment.length ? values : undefined;
}
