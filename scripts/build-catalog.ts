/**
 * Builds src/catalog/generated/catalog-data.ts from Atlassian's OpenAPI documents.
 *
 *   tsx scripts/build-catalog.ts [--from DIR] [--online] [--out FILE] [--check]
 *
 * --from DIR  folder with the six documents (default ../shared/openapi) and history/
 * --online    fetch today's documents from the official URLs (history still read from --from)
 * --check     build in memory and exit 1 if the committed file differs (used by tests/CI)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CURRENT_DOCUMENTS, HISTORY_DOCUMENTS, type DocumentSpec } from './catalog/documents';
import { extractOperations } from './catalog/extract-operations';
import { readForgeScopes } from './catalog/forge-scopes';
import { assembleCatalog, type LoadedDocument } from './catalog/assemble';
import { renderCatalogModule } from './catalog/render';

const ROOT = resolve(__dirname, '..');
const DEFAULT_OUT = join(ROOT, 'src/catalog/generated/catalog-data.ts');

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
  const out = resolve(arg('--out') ?? DEFAULT_OUT);
  const online = argv.includes('--online');
  const forge = readForgeScopes();
  const isForgeScope = (s: string) => forge.scopes.has(s);

  const loaded: LoadedDocument[] = [];
  for (const spec of [...CURRENT_DOCUMENTS, ...HISTORY_DOCUMENTS]) {
    if (spec.edition && !existsSync(join(from, spec.file))) {
      console.warn(`${spec.file}: not found, older edition skipped`);
      continue;
    }
    const doc = await loadDocument(spec, from, online);
    loaded.push({ spec, doc, extracted: extractOperations(doc, spec, isForgeScope) });
  }
  const { catalog, report } = assembleCatalog(loaded, forge);
  for (const line of report) console.log(line);
  const text = renderCatalogModule(catalog);
  if (argv.includes('--check')) {
    const same = existsSync(out) && readFileSync(out, 'utf8') === text;
    console.log(same ? `${out}: up to date` : `${out}: differs from a fresh build`);
    return same ? 0 : 1;
  }
  writeFileSync(out, text);
  console.log(`wrote ${out} (${(text.length / 1024).toFixed(0)} KiB, ${catalog.operations.length} operations, ${catalog.scopes.length} scopes)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`build-catalog: ${error.message}`);
    process.exit(2);
  },
);
