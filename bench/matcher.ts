/**
 * Lookups per second on the real catalog, side by side in one run:
 *   ours       — src/catalog match()
 *   find-my-way — Fastify's radix router loaded with the same templates (+ /rest/api/2 and latest twins)
 *   forge-lint — the algorithm `forge lint` uses: per template a RegExp from `{param}` → `[^\/\s]*`
 *                plus `\/?$`, unanchored at the start, tried in document order, first match wins.
 * Also counts how many round-trip paths the forge-lint algorithm maps to the wrong template.
 *
 * With `--before DIR` (an earlier checkout, built with `npm run build`) its compiled matcher and
 * this checkout's compiled one (`npm run build` first) also run, on the requests both catalogs
 * map to the same operation: the matcher before/after, both compiled by tsc.
 *
 *   npx tsx bench/matcher.ts [--rounds 15] [--before /tmp/si-before]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import findMyWay from 'find-my-way';
import { match, operations, type Family, type Operation } from '../src/catalog';
import { instantiate } from '../test/catalog/instantiate';
import { fmt, median, seeded } from './stats';

interface Request { family: Family; method: string; path: string; expected: Operation }

function buildMix(): Request[] {
  const ops = operations();
  const random = seeded(42);
  const requests: Request[] = ops.map((op) => ({ family: op.family, method: op.method, path: instantiate(op.template), expected: op }));
  // Real apps call a handful of endpoints far more often than the rest, with query strings.
  const hot = [
    ['GET', '/rest/api/3/myself'], ['GET', '/rest/api/3/issue/PROJ-{}?fields=summary,status'], ['GET', '/rest/api/3/search/jql?jql=project%3DPROJ'],
    ['GET', '/rest/api/3/issue/PROJ-{}/comment?orderBy=-created'], ['GET', '/rest/api/3/issue/PROJ-{}/transitions'], ['POST', '/rest/api/3/issue'],
    ['PUT', '/rest/api/3/issue/PROJ-{}'], ['GET', '/rest/api/2/project/PROJ'], ['GET', '/rest/agile/1.0/board/{}/sprint'],
    ['GET', '/wiki/api/v2/pages/{}?body-format=storage'], ['GET', '/wiki/rest/api/content/{}?expand=body.storage'], ['GET', '/wiki/api/v2/spaces?keys=DEV'],
    ['GET', '/2.0/repositories/acme/app/pullrequests/{}'], ['GET', '/rest/servicedeskapi/request/{}'],
  ];
  for (let i = 0; i < 4000; i++) {
    const [method, template] = hot[Math.floor(random() * hot.length)];
    const path = template.replace(/\{\}/g, String(1 + Math.floor(random() * 9999)));
    const family: Family = path.startsWith('/wiki') ? 'requestConfluence' : path.startsWith('/2.0') ? 'requestBitbucket' : 'requestJira';
    const result = match(family, method, path);
    if (result.operation) requests.push({ family, method, path, expected: result.operation });
  }
  for (let i = requests.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }
  return requests;
}

function findMyWayRouters(): Record<Family, ReturnType<typeof findMyWay>> {
  const routers = {
    requestJira: findMyWay({ ignoreTrailingSlash: true, maxParamLength: 8192 }),
    requestConfluence: findMyWay({ ignoreTrailingSlash: true, maxParamLength: 8192 }),
    requestBitbucket: findMyWay({ ignoreTrailingSlash: true, maxParamLength: 8192 }),
  };
  let skipped = 0;
  for (const op of operations()) {
    const route = op.template.replace(/\{path\}$/, '*').replace(/\{([^}]+)\}/g, ':$1');
    const variants = route.startsWith('/rest/api/3/') ? ['3', '2', 'latest'].map((v) => route.replace('/rest/api/3/', `/rest/api/${v}/`)) : [route];
    for (const variant of variants) {
      try {
        routers[op.family].on(op.method as any, variant, () => op);
      } catch {
        skipped++;
      }
    }
  }
  if (skipped) console.log(`find-my-way refused ${skipped} route(s) (kept out of its table)`);
  return routers;
}

/**
 * The forge-lint algorithm, as `@forge/lint` 6.3.1's permission linter does it: one table per
 * product function, built from the documents' own `paths` objects merged in its order (Jira:
 * platform, JSM, Jira Software; Confluence: v1, then v2 with its paths as written, without
 * `/wiki/api/v2`; Bitbucket without `/2.0`); per path a RegExp `{param}` → `[^\/\s]*` plus
 * `\/?$`, unanchored at the start; the query stripped with `/\?.+$/`; the **first path whose
 * RegExp matches wins, whatever the method** — the method is looked up afterwards, so a path
 * that lacks it yields no operation. Needs ../shared/openapi (the documents' own order);
 * without it the catalog's order is used and said so.
 */
function forgeLintMatcher(): { lookup: (family: Family, method: string, path: string) => Operation | undefined; order: string } {
  const dir = join(__dirname, '../../shared/openapi');
  const docs: [string, Family, string][] = [
    ['jira-platform.json', 'requestJira', ''], ['jira-service-management.json', 'requestJira', ''], ['jira-software.json', 'requestJira', ''],
    ['confluence-v1.json', 'requestConfluence', ''], ['confluence-v2.json', 'requestConfluence', '/wiki/api/v2'], ['bitbucket.json', 'requestBitbucket', '/2.0'],
  ];
  const available = existsSync(join(dir, docs[0][0]));
  const tables: Record<Family, Map<string, string>> = { requestJira: new Map(), requestConfluence: new Map(), requestBitbucket: new Map() };
  if (available) {
    // Object spread keeps a key's first position: Map.set on an existing key does the same.
    for (const [file, family, prefix] of docs) for (const path of Object.keys(JSON.parse(readFileSync(join(dir, file), 'utf8')).paths)) tables[family].set(path, prefix + path);
  } else {
    for (const op of operations()) tables[op.family].set(op.template, op.template);
  }
  const byTemplate = new Map(operations().map((op) => [`${op.family} ${op.method} ${op.template}`, op]));
  const rows = Object.fromEntries(
    Object.entries(tables).map(([family, paths]) => [
      family,
      [...paths].map(([documentPath, template]) => ({ re: new RegExp(documentPath.replace(/\{[^}]*\}/g, '[^\\/\\s]*') + '\\/?$'), template })),
    ]),
  ) as Record<Family, { re: RegExp; template: string }[]>;
  return {
    order: available ? "documents' own order, as @forge/lint merges them" : 'catalog order (documents not found)',
    lookup: (family, method, path) => {
      const bare = path.replace(/\?.+$/, '');
      for (const row of rows[family]) {
        if (row.re.test(bare)) return byTemplate.get(`${family} ${method} ${row.template}`.replace('/rest/api/2/', '/rest/api/3/'));
      }
      return undefined;
    },
  };
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The compiled match() of a checkout (dist/, built by `npm run build`). */
const compiledMatcher = (root: string): typeof match => require(join(resolve(root), 'dist/src/catalog')).match;

function main() {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;
  const mix = buildMix();
  const beforeAt = process.argv.indexOf('--before');
  const before = beforeAt < 0 ? undefined : compiledMatcher(process.argv[beforeAt + 1]);
  const now = before && compiledMatcher(join(__dirname, '..'));
  // Before/after on the requests both catalogs answer alike (the older one lacks the newer documents).
  const common = before ? mix.filter((r) => before(r.family, r.method, r.path).operation?.key === r.expected.key) : [];
  const routers = findMyWayRouters();
  const lint = forgeLintMatcher();
  let sink = 0;
  const runners: Record<string, () => void> = {
    ours: () => {
      for (const r of mix) if (match(r.family, r.method, r.path).operation) sink++;
    },
    'find-my-way': () => {
      for (const r of mix) if (routers[r.family].find(r.method as any, r.path)) sink++;
    },
    'forge-lint': () => {
      for (let i = 0; i < mix.length; i += 10) if (lint.lookup(mix[i].family, mix[i].method, mix[i].path)) sink++;
    },
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runners).map((name) => [name, []]));
  for (const fn of Object.values(runners)) fn(); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(runners)) {
      const seconds = time(fn);
      // forge-lint is run on every 10th request only: it is that slow.
      samples[name].push((name === 'forge-lint' ? Math.ceil(mix.length / 10) : mix.length) / seconds);
    }
  }
  const med = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  console.log(`forge-lint table in ${lint.order}`);
  console.log(`mix: ${fmt(mix.length)} requests (${operations().length} round-trip paths + hot paths with query strings), ${rounds} rounds, medians`);
  for (const [name, value] of Object.entries(med)) console.log(`  ${name.padEnd(12)} ${fmt(value).padStart(12)} lookups/s`);
  console.log(`  ours / find-my-way = ${(med.ours / med['find-my-way']).toFixed(2)}×   ours / forge-lint = ${fmt(med.ours / med['forge-lint'])}×`);
  if (before && now) {
    // Paired rounds, order alternating: a load spike hits both sides of a pair alike.
    const pass = (fn: typeof match) => time(() => {
      for (const r of common) if (fn(r.family, r.method, r.path).operation) sink++;
    });
    for (let i = 0; i < 10; i++) pass(now), pass(before);
    const ratios: number[] = [];
    for (let i = 0; i < rounds * 20; i++) {
      const [a, b] = i % 2 ? [pass(now), pass(before)] : [pass(before), pass(now)].reverse();
      ratios.push(b / a);
    }
    console.log(`  compiled, ${ratios.length} paired passes over the ${fmt(common.length)} requests both catalogs answer alike: now / before speed = ${median(ratios).toFixed(2)}× (median)`);
  }
  // Only the documents forge lint reads: not older editions, Assets, JSM Operations or hand-written entries.
  const current = operations().filter((op) => !op.removed && !op.sourceUrl && !/^\/jsm\/(assets|ops)\//.test(op.template));
  let wrong = 0;
  let missed = 0;
  const examples: string[] = [];
  for (const op of current) {
    const got = lint.lookup(op.family, op.method, instantiate(op.template));
    if (!got) missed++;
    else if (got !== op) {
      wrong++;
      if (examples.length < 5) examples.push(`${op.key} → ${got.key}`);
    }
  }
  console.log(
    `forge-lint algorithm on the ${current.length} round-trip paths of today's documents: ${wrong} mapped to the wrong operation, ` +
      `${missed} to none (the first matching path lacks the method, or no path matches); ours: 0 and 0 (test/catalog/round-trip.test.ts)`,
  );
  for (const e of examples) console.log(`  e.g. ${e}`);
  if (sink < 0) console.log(sink);
}

main();
