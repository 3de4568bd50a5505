import fc from 'fast-check';
import { analyze } from '../../src/analysis';
import { isAuthorized, operations } from '../../src/catalog';
import { renderEndpointsCsv, renderScopesCsv } from '../../src/report/csv';
import { renderMarkdown } from '../../src/report/markdown';
import { renderSarif } from '../../src/report/sarif';
import { renderText } from '../../src/report/text';
import type { Principal } from '../../src/usage/format';
import { call, inputOf, scanOf, unresolved, usageOf } from '../analysis/inputs';
import { expectAgreement, fromCsv, fromJson, fromMarkdown, fromSarif, fromText } from './surface-counts';

const jira = operations().filter((op) => op.product === 'jira' && !op.undocumented && op.alternatives.every((a) => a.scopes.length > 0)).slice(0, 400);
const scopePool = [...new Set(jira.flatMap((op) => op.alternatives.flatMap((a) => a.scopes)))].sort();
const anOp = fc.integer({ min: 0, max: jira.length - 1 }).map((i) => jira[i]);
const aScope = fc.integer({ min: 0, max: scopePool.length - 1 }).map((i) => scopePool[i]);
const aRow = fc.record({ op: anOp, calls: fc.integer({ min: 1, max: 60 }), failed: fc.nat({ max: 60 }), mismatch: fc.boolean(), principal: fc.constantFrom<Principal>('app', 'user', 'inspector') });

const STORAGE = { file: 'src/store.ts', line: 1, column: 1, alternatives: [['storage:app']], reason: 'Forge storage (@forge/kvs): @forge/kvs imported (src/store.ts:1)', source: 'forge-api' as const, feature: 'Forge storage (@forge/kvs)' };

/** A random app and usage: declared scopes mostly drawn from the alternatives of the operations it calls, so every verdict comes up. */
const randomReport = fc
  .record({
    statics: fc.uniqueArray(anOp, { maxLength: 6, selector: (o) => o.key }),
    rows: fc.uniqueArray(aRow, { maxLength: 6, selector: (r) => `${r.op.key} ${r.principal}` }),
    picks: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    extra: fc.uniqueArray(aScope, { maxLength: 3 }),
    refused: fc.option(fc.nat()),
    storage: fc.boolean(),
    unresolvedCall: fc.boolean(),
    // Operations a table read with an unknown key may select (candidates): sometimes declared, sometimes not.
    candidates: fc.uniqueArray(anOp, { maxLength: 3, selector: (o) => o.key }),
  })
  .map(({ statics, rows, picks, extra, refused, storage, unresolvedCall, candidates }) => {
    const declared = new Set(extra);
    [...statics, ...rows.map((r) => r.op)].forEach((op, i) => {
      const alt = op.alternatives[picks[i] % op.alternatives.length].scopes;
      if (picks[i] % 3 === 0) alt.forEach((s) => declared.add(s));
      else if (picks[i] % 3 === 1) declared.add(alt[0]);
    });
    if (storage) declared.add('storage:app');
    const names = [...declared];
    const granted = refused === null ? undefined : names.filter((_, i) => i !== refused % Math.max(1, names.length));
    const usage = usageOf('site-a', rows.map((r) => ({ key: r.op.key, calls: r.calls })), granted);
    usage.endpoints.forEach((e, i) => {
      const failed = Math.min(rows[i].failed, e.calls);
      e.principal = rows[i].principal;
      e.status = { '2xx': e.calls - failed, '3xx': 0, '4xx': rows[i].mismatch ? failed : 0, '5xx': rows[i].mismatch ? 0 : failed, network: 0 };
      e.scopeMismatch401 = rows[i].mismatch ? failed : 0;
    });
    const picked = candidates.map((op) => ({ ...call(op.key, 'src/pick.ts:4'), candidateOf: 'ACTIONS[…]: the key is not known statically, so every entry is a candidate' }));
    const scan = scanOf([...statics.map((op) => call(op.key)), ...picked], unresolvedCall ? [unresolved([])] : []);
    return analyze(inputOf(names, [], { scan: { ...scan, forgeApiNeeds: storage ? [STORAGE] : [] }, usage: [usage] }));
  });

describe('every surface renders the same counts (randomized usage)', () => {
  it('text, Markdown, SARIF, CSV and JSON agree on every verdict count, scope calls and endpoint calls', () => {
    fc.assert(
      fc.property(randomReport, (report) => {
        const json = fromJson(JSON.stringify(report));
        expectAgreement(json, {
          text: fromText(renderText(report, { color: false })),
          markdown: fromMarkdown(renderMarkdown(report)),
          sarif: fromSarif(JSON.parse(JSON.stringify(renderSarif(report, '0.0.0')))),
          csv: fromCsv(renderScopesCsv(report), renderEndpointsCsv(report)),
        });
      }),
      { numRuns: 120 },
    );
  });

  it('the plan replaces every replaceable classic scope, keeps every unverifiable one, and authorizes every need', () => {
    fc.assert(
      fc.property(randomReport, (report) => {
        const plan = new Set(report.plan.scopes);
        for (const r of report.scopes.replaceable) {
          expect(report.plan.remove).toContain(r.classic);
          for (const s of r.replacement) expect(plan.has(s)).toBe(true);
          expect(report.plan.replacements.map((x) => x.classic)).toContain(r.classic);
        }
        for (const u of report.scopes.unverifiable) expect(plan.has(u.name)).toBe(true);
        for (const e of report.endpoints) if (!e.undocumented) expect(isAuthorized(operations().find((o) => o.key === e.key)!, [...plan])).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
