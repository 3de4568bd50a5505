import type { Node } from './scope';

/**
 * Names of members as the scanner keys them. A private name (`#request`) is kept with its `#`:
 * `this.#request` and `this.request` are different members of one class, and no identifier
 * can start with `#`, so the two never meet.
 */

/** The name of a non-computed key or property node (`a`, `#a`), undefined for anything else. */
export const keyName = (key: Node): string | undefined => (key?.type === 'Identifier' ? key.name : key?.type === 'PrivateIdentifier' ? `#${key.name}` : undefined);

/** The member a member expression reads (`o.a`, `o.#a`, `o['a']`, `o[0]`), undefined when computed from a value. */
export const memberName = (m: Node): string | undefined => (!m.computed ? keyName(m.property) : m.property.type === 'Literal' ? String(m.property.value) : undefined);

/** The key of a class member or object property (`a`, `#a`, `'a'`, `[0]`), undefined when computed from a value. */
export const propertyKey = (p: Node): string | undefined => (!p.computed && p.key ? keyName(p.key) : p.key?.type === 'Literal' ? String(p.key.value) : undefined);
