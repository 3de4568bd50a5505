import type { EntityDefinition } from '../app-manifest';
import { KvsFailure } from './kvs-failure';

/** Returns the definition of a custom entity, or throws when the manifest does not declare it. */
export function requireEntity(entities: readonly EntityDefinition[], name: string): EntityDefinition {
  const def = entities.find((e) => e.name === name);
  if (!def) {
    throw new KvsFailure(400, 'INVALID_ENTITY_TYPE', `Entity '${name}' is not defined in the manifest (app.storage.entities)`);
  }
  return def;
}

const typeOk: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  integer: (v) => Number.isInteger(v),
  float: (v) => typeof v === 'number' && Number.isFinite(v),
  any: () => true,
};

/** Throws INVALID_ENTITY_VALUE when a value is not an object or an attribute has the wrong type. */
export function checkEntityValue(def: EntityDefinition, value: unknown): asserts value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new KvsFailure(400, 'INVALID_ENTITY_VALUE', `Entity '${def.name}' values must be objects`);
  }
  for (const [name, v] of Object.entries(value)) {
    const attr = def.attributes[name];
    if (attr && v !== undefined && v !== null && !typeOk[attr.type]?.(v)) {
      throw new KvsFailure(400, 'INVALID_ENTITY_VALUE', `Attribute '${name}' of entity '${def.name}' must be of type ${attr.type}`);
    }
  }
}
