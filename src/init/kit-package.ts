import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ScopeInspectorError } from '../errors';

/** The installed forge-scope-inspector package: where it is and its version. */
export interface KitPackage {
  root: string;
  version: string;
}

/** Returns the forge-scope-inspector package this code runs from (found by walking up from it). */
export function kitPackage(from = __dirname): KitPackage {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'forge-scope-inspector') return { root: dir, version: pkg.version ?? '0.0.0' };
  }
  throw new ScopeInspectorError('INIT_NO_KIT', `cannot find the forge-scope-inspector package above ${from}`);
}

/** Returns the files of the packaged admin page build (name → bytes), or throws saying how to get it. */
export function adminPageBuild(kit: KitPackage): Map<string, Buffer> {
  const dir = join(kit.root, 'static', 'admin-page', 'build');
  const files = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()) : [];
  if (!files.some((f) => f.name === 'index.html')) {
    throw new ScopeInspectorError('INIT_NO_ADMIN_PAGE_BUILD', `${dir}: the admin page build is missing from forge-scope-inspector (reinstall it; in a checkout: npm run build:admin-page)`);
  }
  return new Map(files.sort((a, b) => (a.name < b.name ? -1 : 1)).map((f) => [f.name, readFileSync(join(dir, f.name))]));
}
