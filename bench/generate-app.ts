import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '../src/catalog';
import { seeded } from './stats';

/**
 * Writes a synthetic Forge app of `files` TypeScript files (~100 lines each) into `dir`:
 * realistic mixes of route calls (inline, constants, branches, helpers across files, lookup
 * tables, options objects) among ordinary application code. Returns the total line count.
 */
export function generateApp(dir: string, files = 1000): number {
  const random = seeded(7);
  const jira = operations().filter((op) => op.family === 'requestJira' && !op.template.includes('{path}'));
  const pick = () => jira[Math.floor(random() * jira.length)];
  const route = (template: string) => template.replace(/\{[^}]+\}/g, () => '${id}');
  mkdirSync(join(dir, 'src/features'), { recursive: true });
  writeFileSync(join(dir, 'manifest.yml'), 'modules:\n  function:\n    - key: main\n      handler: index.run\npermissions:\n  scopes:\n    - read:jira-work\n    - write:jira-work\n    - storage:app\napp:\n  id: ari:cloud:ecosystem::app/bench\n');
  writeFileSync(join(dir, 'src/http.ts'), "import api, { route } from '@forge/api';\nexport async function getJson(path: ReturnType<typeof route>) {\n  const res = await api.asApp().requestJira(path);\n  return res.json();\n}\n");
  let lines = 0;
  for (let f = 0; f < files; f++) {
    const out: string[] = [
      "import api, { route } from '@forge/api';",
      "import { getJson } from '../http';",
      '',
      `export interface Model${f} { id: string; name: string; count: number; tags: string[] }`,
      '',
    ];
    for (let block = 0; out.length < 92; block++) {
      const a = pick();
      const b = pick();
      const method = a.method === 'GET' ? '' : `, { method: '${a.method}', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }`;
      out.push(
        `export async function step${f}_${block}(id: string, payload: Model${f}, useAlt: boolean) {`,
        `  let path = route\`${route(a.template)}\`;`,
        `  if (useAlt) path = route\`${route(b.template)}\`;`,
        `  const result = await api.asUser().requestJira(path${method});`,
        `  if (!result.ok) throw new Error(\`request failed: \${result.status}\`);`,
        `  const items: Model${f}[] = [];`,
        `  for (let i = 0; i < payload.count; i++) items.push({ ...payload, id: String(i), tags: payload.tags.filter((t) => t.length > i) });`,
        `  const sorted = items.sort((x, y) => x.name.localeCompare(y.name)).map((m) => ({ ...m, count: m.count * 2 }));`,
        `  await getJson(route\`${route(pick().template.split('?')[0])}\`);`,
        `  return { sorted, total: sorted.reduce((n, m) => n + m.count, 0) };`,
        '}',
        '',
      );
    }
    writeFileSync(join(dir, 'src/features', `feature-${f}.ts`), out.join('\n') + '\n');
    lines += out.length + 1;
  }
  return lines;
}
