import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { operations, type Operation, type Product } from '../src/catalog';
import { seeded } from './stats';

/** One generated app: where it is and what shape it has. */
export interface GeneratedApp {
  dir: string;
  files: number;
  lines: number;
  language: 'ts' | 'js';
  products: Product[];
  ui: 'none' | 'ui-kit' | 'custom-ui';
}

const PRODUCT_SETS: Product[][] = [['jira'], ['jira'], ['confluence'], ['jira', 'jira-software'], ['jira-service-management', 'jira'], ['bitbucket'], ['jira', 'confluence']];
const FAMILY: Record<Product, string> = { jira: 'requestJira', 'jira-software': 'requestJira', 'jira-service-management': 'requestJira', confluence: 'requestConfluence', bitbucket: 'requestBitbucket' };
const MODULE: Record<Product, string> = { jira: 'jira:issuePanel', 'jira-software': 'jira:projectPage', 'jira-service-management': 'jira:globalPage', confluence: 'confluence:globalPage', bitbucket: 'bitbucket:repoCodeOverviewCard' };
// Plain helpers without product calls, as every real app has; [TypeScript, JavaScript].
const UTILS: [string, string][] = [
  ['export function formatDate(value: string): string {', 'export function formatDate(value) {'],
  ['export function chunk<T>(items: T[], size: number): T[][] {', 'export function chunk(items, size) {'],
];
const UTIL_BODY = [
  '  const d = new Date(value);\n  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;\n}',
  '  const out = [];\n  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));\n  return out;\n}',
];

/**
 * Writes `count` Forge apps of realistic, varied shapes under `root` (sizes log-uniform from 1 to
 * 200 source files; TypeScript with a tsconfig.json or JavaScript; Jira, Jira Software, JSM,
 * Confluence, Bitbucket; resolvers, triggers, a REST helper module, constants, services, utils
 * without calls, storage, UI Kit or Custom UI with a built bundle). Deterministic for a seed.
 */
export function generateApps(root: string, count = 43, seed = 13): GeneratedApp[] {
  const random = seeded(seed);
  const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const usable = operations().filter((op) => !op.removed && !op.template.includes('{path}') && !op.template.includes('*'));
  const apps: GeneratedApp[] = [];
  for (let i = 0; i < count; i++) {
    const files = i === 0 ? 1 : i === 1 ? 200 : Math.max(1, Math.round(Math.exp(random() * Math.log(200))));
    const language = random() < 0.6 ? 'ts' : 'js';
    const products = pickOf(PRODUCT_SETS);
    const ui = files < 3 ? 'none' : pickOf(['none', 'ui-kit', 'custom-ui'] as const);
    const dir = join(root, `app-${String(i).padStart(2, '0')}-${products.join('+')}`);
    const app = writeApp(dir, { files, language, products, ui }, usable.filter((op) => products.includes(op.product)), random);
    apps.push({ dir, files, language, products, ui, lines: app.lines });
  }
  return apps;
}

interface Shape { files: number; language: 'ts' | 'js'; products: Product[]; ui: GeneratedApp['ui'] }

function writeApp(dir: string, shape: Shape, ops: Operation[], random: () => number): { lines: number } {
  const ext = shape.language;
  const t = (typed: string) => (shape.language === 'ts' ? typed : '');
  const used: Operation[] = [];
  const pick = () => {
    const op = ops[Math.floor(random() * ops.length)];
    used.push(op);
    return op;
  };
  const out = new Map<string, string>();
  const callText = (op: Operation, principal: string, viaHelper: boolean): { params: string[]; text: string } => {
    const params = [...new Set([...op.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1].replace(/[^A-Za-z0-9_]/g, '_')))];
    let path = op.template.replace(/\{([^}]+)\}/g, (_, p: string) => '${' + p.replace(/[^A-Za-z0-9_]/g, '_') + '}');
    if (op.method === 'GET' && random() < 0.3) path += '?expand=${expand}';
    const options = op.method === 'GET' ? '' : `, { method: '${op.method}', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) }`;
    const text = viaHelper && op.method === 'GET' ? `await ${FAMILY[op.product] === 'requestJira' ? 'jiraGet' : 'productGet'}(route\`${path}\`)` : `await api.${principal}().${FAMILY[op.product]}(route\`${path}\`${options})`;
    return { params, text };
  };
  const helper = shape.files >= 3;
  const serviceCount = Math.max(0, shape.files - (helper ? 3 : 1) - (shape.ui === 'none' ? 0 : 2));
  const utilCount = Math.floor(serviceCount / 4);
  const services: string[] = [];
  const storage = random() < 0.4;
  for (let s = 0; s < serviceCount - utilCount; s++) {
    const name = `service-${s}`;
    const fns: string[] = [];
    const body: string[] = [`import api, { route } from '@forge/api';`];
    if (helper) body.push(`import { jiraGet, productGet } from '../api/client';`, `import { PAGE_SIZE } from '../constants';`);
    if (storage && s === 0) body.push(`import { kvs } from '@forge/kvs';`);
    body.push('');
    const fnCount = 1 + Math.floor(random() * 5);
    for (let f = 0; f < fnCount; f++) {
      const op = pick();
      const call = callText(op, random() < 0.5 ? 'asApp' : 'asUser', helper && random() < 0.5);
      const fn = `step${s}_${f}`;
      fns.push(fn);
      const args = [...call.params.map((p) => `${p}${t(': string')}`), `body${t(': Record<string, unknown>')} = {}`, `expand = 'names'`].join(', ');
      body.push(
        `export async function ${fn}(${args}) {`,
        `  const started = Date.now();`,
        `  const res = ${call.text};`,
        ...(call.text.startsWith('await api') ? [`  if (!res.ok) throw new Error(\`${op.method} failed: \${res.status} \${await res.text()}\`);`, `  const data = await res.json();`] : ['  const data = res;']),
        `  const items = Array.isArray(data?.values) ? data.values : [data];`,
        `  return { items: items.slice(0, ${helper ? 'PAGE_SIZE' : 50}), took: Date.now() - started };`,
        '}',
        '',
      );
    }
    // Ordinary code between the calls: mapping, validation.
    body.push(
      `export function toRow${s}(item${t(': any')}, index${t(': number')}) {`,
      '  const fields = item?.fields ?? {};',
      '  const name = String(fields.summary ?? item?.title ?? item?.name ?? `row ${index}`).trim();',
      '  const updated = fields.updated ? new Date(fields.updated) : undefined;',
      '  return {',
      '    id: String(item?.id ?? index),',
      '    name: name.length > 80 ? `${name.slice(0, 77)}...` : name,',
      "    status: fields.status?.name ?? 'unknown',",
      '    age: updated ? Math.round((Date.now() - updated.getTime()) / 86400000) : null,',
      '  };',
      '}',
      '',
    );
    if (storage && s === 0) body.push(`export async function remember(key${t(': string')}, value${t(': unknown')}) {`, '  await kvs.set(`cache:${key}`, value);', '}', '');
    out.set(`src/services/${name}.${ext}`, body.join('\n'));
    services.push(...fns.map((fn) => `${name}:${fn}`));
  }
  for (let u = 0; u < utilCount; u++) out.set(`src/utils/util-${u}.${ext}`, `${UTILS[u % 2][shape.language === 'ts' ? 0 : 1]}\n${UTIL_BODY[u % 2]}\n`);
  if (helper) {
    out.set(`src/constants.${ext}`, `export const PAGE_SIZE = 50;\nexport const APP_NAME = 'generated';\nexport const CACHE_TTL_MS = 5 * 60 * 1000;\n`);
    const family = FAMILY[shape.products.find((p) => FAMILY[p] !== 'requestJira') ?? 'jira'];
    out.set(
      `src/api/client.${ext}`,
      [
        `import api from '@forge/api';`,
        `export async function jiraGet(path${t(': ReturnType<typeof import("@forge/api").route>')}) {`,
        `  const res = await api.asApp().requestJira(path, { headers: { Accept: 'application/json' } });`,
        '  if (!res.ok) throw new Error(`Jira answered ${res.status}`);',
        '  return res.json();',
        '}',
        `export async function productGet(path${t(': ReturnType<typeof import("@forge/api").route>')}) {`,
        `  const res = await api.asUser().${family}(path);`,
        '  return res.json();',
        '}',
        '',
      ].join('\n'),
    );
  }
  // The entry: a resolver defining one function per service function (or, alone, calling the product itself).
  const entry: string[] = [`import Resolver from '@forge/resolver';`];
  if (!services.length) {
    const op = pick();
    const call = callText(op, 'asApp', false);
    entry.push(`import api, { route } from '@forge/api';`, '', 'const resolver = new Resolver();', `resolver.define('run', async ({ payload }) => {`, ...call.params.map((p) => `  const ${p} = payload.${p};`), `  const body = payload.body ?? {};`, `  const expand = 'names';`, `  const res = ${call.text};`, '  return res.json();', '});');
  } else {
    const modules = [...new Set(services.map((s) => s.split(':')[0]))];
    for (const m of modules) entry.push(`import * as ${m.replace('-', '')} from './services/${m}';`);
    entry.push('', 'const resolver = new Resolver();');
    for (const s of services) {
      const [m, fn] = s.split(':');
      entry.push(`resolver.define('${fn}', async ({ payload }) => ${m.replace('-', '')}.${fn}(...(payload.args ?? [])));`);
    }
  }
  entry.push('', 'export const handler = resolver.getDefinitions();', `export async function onEvent(event${t(': { issue?: { key: string } }')}) {`, '  console.log(`event for ${event.issue?.key ?? "unknown"}`);', '}', '');
  out.set(`src/index.${ext}`, entry.join('\n'));
  if (shape.ui === 'ui-kit') {
    const op = pick();
    out.set(
      `src/frontend/index.${ext}x`,
      [
        `import React, { useEffect, useState } from 'react';`,
        `import ForgeReconciler, { Text, Button } from '@forge/react';`,
        `import { invoke, ${FAMILY[op.product]} } from '@forge/bridge';`,
        'const App = () => {',
        '  const [data, setData] = useState(null);',
        `  useEffect(() => { ${FAMILY[op.product]}('${op.template.replace(/\{[^}]+\}/g, '10000')}'${op.method === 'GET' ? '' : `, { method: '${op.method}' }`}).then((r) => r.json()).then(setData); }, []);`,
        `  return <><Text>{JSON.stringify(data)}</Text><Button onClick={() => invoke('${services[0]?.split(':')[1] ?? 'run'}')}>Refresh</Button></>;`,
        '};',
        'ForgeReconciler.render(<React.StrictMode><App /></React.StrictMode>);',
        '',
      ].join('\n'),
    );
    out.set(`src/frontend/styles.${ext}`, `export const panel = { padding: 8, gap: 4 };\n`);
  }
  if (shape.ui === 'custom-ui') {
    const op = pick();
    out.set(
      'static/main/src/App.jsx',
      [
        `import React, { useEffect, useState } from 'react';`,
        `import { invoke, ${FAMILY[op.product]} } from '@forge/bridge';`,
        'export default function App() {',
        '  const [rows, setRows] = useState([]);',
        `  useEffect(() => { invoke('${services[0]?.split(':')[1] ?? 'run'}').then(setRows); ${FAMILY[op.product]}('${op.template.replace(/\{[^}]+\}/g, '1')}').then((r) => r.json()); }, []);`,
        '  return <ul>{rows.map((r) => <li key={r.id}>{r.name}</li>)}</ul>;',
        '}',
        '',
      ].join('\n'),
    );
    out.set('static/main/src/index.jsx', `import React from 'react';\nimport { createRoot } from 'react-dom/client';\nimport App from './App';\ncreateRoot(document.getElementById('root')).render(<App />);\n`);
    out.set('static/main/build/main.js', `!function(){${'var a=1;'.repeat(400)}}();\n`);
  }
  if (shape.language === 'ts') out.set('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2020', module: 'commonjs', jsx: 'react-jsx', strict: false, esModuleInterop: true, skipLibCheck: true }, include: ['src/**/*'] }, null, 2));
  out.set('package.json', JSON.stringify({ name: dir.split('/').pop(), version: '1.0.0', private: true, main: 'index.js' }, null, 2));
  out.set('manifest.yml', manifest(shape, used, storage));
  let lines = 0;
  for (const [file, text] of out) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
    if (/\.[jt]sx?$/.test(file) && !file.includes('/build/')) lines += text.split('\n').length;
  }
  return { lines };
}

/** The manifest: modules for the products, the classic scopes the calls need, one left out and one extra now and then. */
function manifest(shape: Shape, used: Operation[], storage: boolean): string {
  const scopes = new Set<string>();
  for (const op of used) for (const s of op.alternatives.find((a) => a.kind === 'classic')?.scopes ?? op.alternatives[0]?.scopes ?? []) scopes.add(s);
  if (storage) scopes.add('storage:app');
  const list = [...scopes].sort();
  if (list.length > 2 && used.length % 3 === 0) list.pop(); // a missing scope
  if (used.length % 4 === 0) list.push('read:jira-user'); // an unused one
  const product = shape.products[0];
  const ui = shape.ui === 'custom-ui' ? '      resource: main\n' : shape.ui === 'ui-kit' ? '      resource: main\n      render: native\n' : '      function: resolver\n';
  return [
    'modules:',
    `  ${MODULE[product]}:`,
    '    - key: main-module',
    ui.trimEnd(),
    ...(shape.ui === 'none' ? [] : ['      resolver:', '        function: resolver']),
    '      title: Generated app',
    ...(product.startsWith('jira') ? ['  trigger:', '    - key: on-issue', '      function: on-event', '      events:', '        - avi:jira:created:issue'] : []),
    '  function:',
    '    - key: resolver',
    '      handler: index.handler',
    '    - key: on-event',
    '      handler: index.onEvent',
    ...(shape.ui === 'none' ? [] : ['resources:', '  - key: main', `    path: ${shape.ui === 'custom-ui' ? 'static/main/build' : `src/frontend/index.${shape.language}x`}`]),
    'permissions:',
    '  scopes:',
    ...list.map((s) => `    - ${s}`),
    'app:',
    '  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000',
    '  runtime:',
    '    name: nodejs22.x',
    '',
  ].join('\n');
}
