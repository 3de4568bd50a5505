/**
 * Builds src/catalog/generated/ (an index module and one module per catalog part) from
 * Atlassian's OpenAPI documents and the hand-written entries in scripts/catalog/hand-written.json.
 *
 *   tsx scripts/build-catalog.ts [--from DIR] [--online] [--out-dir DIR] [--check]
 *
 * --from DIR     folder with the documents (default ../shared/openapi) and history/
 * --online       fetch today's documents from the official URLs (history still read from --from)
 * --out-dir DIR  where the modules go (default src/catalog/generated)
 * --check        build in memory and exit 1 if the committed files differ (used by tests/CI)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CURRENT_DOCUMENTS, HISTORY_DOCUMENTS, type DocumentSpec } from './catalog/documents';
import { extractOperations } from './catalog/extract-operations';
import { readForgeScopes } from './catalog/forge-scopes';
import { assembleCatalog, type LoadedDocument } from './catalog/assemble';
import { readHandWritten } from './catalog/hand-written';
import { renderCatalogModules } from './catalog/render';

const ROOT = resolve(__dirname, '..');
const DEFAULT_OUT = join(ROOT, 'src/catalog/generated');

async function loadDocument(spec: DocumentSpec, from: string, online: boolean): Promise<any> {
  if (online && spec.url) {
    const response = await fetch(spec.url);
    if (!response.ok) throw new Error(`[GET] ${spec.url}: ${response.status} ${response.statusText}`);
    return response.json();
  }
  const file = join(from, spec.file);
  if (!existsSync(file)) throw new Error(`${file}: not found (pass --from DIR or --online)`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const from = resolve(arg('--from') ?? join(ROOT, '../shared/openapi'));
  const out = resolve(arg('--out-dir') ?? DEFAULT_OUT);
  const online = argv.includes('--online');
  const forge = readForgeScopes();
  const isForgeScope = (s: string) => forge.scopes.has(s);

  const loaded: LoadedDocument[] = [];
  const read = async (spec: DocumentSpec) => {
    const doc = await loadDocument(spec, from, online);
    loaded.push({ spec, doc, extracted: extractOperations(doc, spec, isForgeScope) });
  };
  for (const spec of CURRENT_DOCUMENTS) await read(spec);
  // Hand-written entries come after today's documents (which win a tie) and before older editions.
  for (const entry of readHandWritten()) loaded.push({ ...entry, handWritten: true });
  for (const spec of HISTORY_DOCUMENTS) {
    if (!existsSync(join(from, spec.file))) console.warn(`${spec.file}: not found, older edition skipped`);
    else await read(spec);
  }
  const { catalog, report } = assembleCatalog(loaded, forge);
  for (const line of report) console.log(line);
  const files = renderCatalogModules(catalog);
  // A generated catalog module this build no longer writes (an older layout) is stale too.
  const stale = existsSync(out) ? readdirSync(out).filter((name) => /^catalog-[a-z-]+\.ts$/.test(name) && !files.has(name)) : [];
  const operations = Object.values(catalog.index.parts).reduce((a, b) => a + b, 0);
  if (argv.includes('--check')) {
    const differing = [...files].filter(([name, text]) => !existsSync(join(out, name)) || readFileSync(join(out, name), 'utf8') !== text).map(([name]) => name);
    for (const name of [...differing, ...stale]) console.log(`${join(out, name)}: ${stale.includes(name) ? 'not written by this build' : 'differs from a fresh build'}`);
    if (!differing.length && !stale.length) console.log(`${out}: up to date`);
    return differing.length || stale.length ? 1 : 0;
  }
  mkdirSync(out, { recursive: true });
  for (const name of stale) unlinkSync(join(out, name));
  for (const [name, text] of files) {
    writeFileSync(join(out, name), text);
    console.log(`wrote ${join(out, name)} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
  console.log(`${operations} operations (${Object.entries(catalog.index.parts).map(([p, n]) => `${p} ${n}`).join(', ')}), ${catalog.index.scopes.length} scopes`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`build-catalog: ${error.message}`);
    process.exit(2);
  },
);
