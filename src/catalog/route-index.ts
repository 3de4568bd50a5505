import { loadCatalog, type Catalog } from './catalog';
import { isFamily, PARTS, partOfPath, partsOf, type CatalogPart } from './families';
import { aliasSegment, insertRoute, type Conflict, type RouteForm, type RouteNode } from './route-tree';
import type { Family } from './types';

/** One catalog part's route tree. */
export interface PartRoutes {
  readonly part: CatalogPart;
  readonly root: RouteNode;
  /** Templates without parameters, by full path: one map lookup answers most static calls. */
  readonly staticPaths: ReadonlyMap<string, RouteNode>;
  /** Templates that collided with another while building (must stay empty; see docs/catalog.md). */
  readonly conflicts: readonly Conflict[];
}

/**
 * Route trees over one catalog, built per part on first use: an app calling only Jira's
 * platform API never builds the others. Parts never share a template shape, so a concrete
 * path can only match in the one part `forPath` names.
 */
export interface RouteIndex {
  /** The routes of the part of `family` that a concrete path can match in; undefined for a name that is not a product function. */
  forPath(family: Family, path: string): PartRoutes | undefined;
  /** Every part of a family, in order (for patterns whose leading segments are unknown); undefined for an unknown family. */
  parts(family: Family): readonly PartRoutes[] | undefined;
  /** Every part's conflicts (builds all trees). */
  readonly conflicts: readonly Conflict[];
}

/** Builds the route index for a catalog (the Jira `2`/`latest` API versions alias `3`). */
export function buildRouteIndex(catalog: Catalog): RouteIndex {
  // A plain object, not a Map: this lookup is on every match's path.
  const built: Partial<Record<CatalogPart, PartRoutes>> = {};
  const part = (name: CatalogPart): PartRoutes => (built[name] ??= buildPart(catalog, name));
  return {
    forPath: (family, path) => {
      const name = partOfPath(family, path);
      return name === undefined ? undefined : part(name);
    },
    parts: (family) => (isFamily(family) ? partsOf(family).map(part) : undefined),
    get conflicts() {
      return PARTS.flatMap((p) => part(p.name).conflicts);
    },
  };
}

const countParams = (text: string) => text.split('{').length - 1;

function buildPart(catalog: Catalog, part: CatalogPart): PartRoutes {
  const family = PARTS.find((p) => p.name === part)!.family;
  const root: RouteNode = {};
  const conflicts: Conflict[] = [];
  const add = (conflict: Conflict | undefined) => conflict && conflicts.push(conflict);
  const forms = catalog.index.sources.flatMap((s) => (s.family === family && s.pathForms ? [s.pathForms] : []));
  for (const op of catalog.part(part)) {
    const multi = forms.find((f) => op.template.startsWith(f.prefix));
    if (multi) {
      // Both documented forms reach the operation; the route remembers which one a path used.
      const { prefix, alternate } = multi;
      add(insertRoute(root, op, op.template, { form: multi.form, skip: 0 }));
      const skip: RouteForm = { form: alternate.form, skip: countParams(alternate.prefix) - countParams(prefix) };
      add(insertRoute(root, op, alternate.prefix + op.template.slice(prefix.length), skip));
    } else {
      add(insertRoute(root, op, op.template, op.forgePathUnverified ? { form: 'unverified', skip: 0 } : undefined));
    }
  }
  if (family === 'requestJira') {
    aliasSegment(root, ['rest', 'api'], '3', '2');
    aliasSegment(root, ['rest', 'api'], '3', 'latest');
    aliasSegment(root, ['rest', 'agile'], '1.0', 'latest');
  }
  const staticPaths = new Map<string, RouteNode>();
  collectStaticPaths(root, '', staticPaths);
  return { part, root, staticPaths, conflicts };
}

function collectStaticPaths(node: RouteNode, prefix: string, into: Map<string, RouteNode>): void {
  if (node.methods) into.set(prefix, node);
  for (const [segment, child] of node.statics ?? []) collectStaticPaths(child, `${prefix}/${segment}`, into);
}

let defaultIndex: RouteIndex | undefined;

/** Returns the route index of the built-in catalog, built on first use. */
export function routeIndex(): RouteIndex {
  return (defaultIndex ??= buildRouteIndex(loadCatalog()));
}
