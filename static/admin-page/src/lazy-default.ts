import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Returns a component loaded on first render from a chunk whose default export it is. esbuild
 * bundles the page as ES modules, so the chunk's `default` is the component; TypeScript checks
 * these sources as CommonJS (node16) and would call `default` the whole module, hence the cast.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyDefault<C extends ComponentType<any>>(load: () => Promise<unknown>): LazyExoticComponent<C> {
  return lazy(load as () => Promise<{ default: C }>);
}
