import fc from 'fast-check';
import { analyze, authorizedCount, leastPrivilegePlan } from '../../src/analysis';
import { authorizedCounter } from '../../src/analysis/plan';
import { isAuthorized, operations } from '../../src/catalog';
import { call, inputOf } from './inputs';

const documented = operations().filter((op) => !op.undocumented && op.alternatives.every((a) => a.scopes.length > 0));
const scopePool = [...new Set(documented.flatMap((op) => op.alternatives.flatMap((a) => a.scopes)))].sort();
const anOp = fc.integer({ min: 0, max: documented.length - 1 }).map((i) => documented[i]);
const aScope = fc.integer({ min: 0, max: scopePool.length - 1 }).map((i) => scopePool[i]);

describe('least-privilege plan (properties)', () => {
  it('always authorizes every needed operation', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anOp, { minLength: 1, maxLength: 12 }), fc.uniqueArray(aScope, { maxLength: 8 }), (ops, declared) => {
        const report = analyze(inputOf(declared, ops.map((op) => call(op.key))));
        return ops.every((op) => isAuthorized(op, report.plan.scopes));
      }),
      { numRuns: 150 },
    );
  });

  it('removing the scopes reported unused never un-authorizes an operation the declared scopes authorized', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anOp, { minLength: 1, maxLength: 10 }), fc.uniqueArray(aScope, { minLength: 1, maxLength: 15 }), (ops, declared) => {
        const report = analyze(inputOf(declared, ops.map((op) => call(op.key))));
        const unused = new Set(report.scopes.unused.map((u) => u.name));
        const kept = declared.filter((s) => !unused.has(s));
        return ops.every((op) => !isAuthorized(op, declared) || isAuthorized(op, kept));
      }),
      { numRuns: 200 },
    );
  });

  it('counts the operations a scope set authorizes as authorizedCount does, for every set drawn from the universe it was built for', () => {
    const all = operations();
    fc.assert(
      fc.property(fc.uniqueArray(aScope, { minLength: 1, maxLength: 70 }), fc.infiniteStream(fc.boolean()), fc.integer({ min: 0, max: all.length - 400 }), (universe, picks, from) => {
        // A slice of the catalog holding undocumented operations and operations that need no scope too.
        const ops = all.slice(from, from + 400);
        const iterator = picks[Symbol.iterator]();
        const held = new Set(universe.filter(() => iterator.next().value));
        return authorizedCounter(ops, new Set(universe))(held) === authorizedCount(held, ops);
      }),
      { numRuns: 200 },
    );
  });

  it('costs no more than any other choice of alternatives (exact search)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anOp, { minLength: 1, maxLength: 6 }), fc.infiniteStream(fc.nat()), (ops, picks) => {
        const needs = ops.map((op) => ({ id: op.key, alternatives: op.alternatives.map((a) => a.scopes) }));
        const plan = leastPrivilegePlan(needs, operations());
        const iterator = picks[Symbol.iterator]();
        const other = new Set(needs.flatMap((n) => n.alternatives[iterator.next().value % n.alternatives.length]));
        return plan.search === 'exact' && plan.cost <= authorizedCount(other, operations());
      }),
      { numRuns: 60 },
    );
  });

  it('falls back to the documented greedy search beyond the exact limit, still authorizing everything', () => {
    const many = documented.filter((op) => op.alternatives.length === 2 && op.product === 'jira').slice(0, 40);
    const needs = many.map((op) => ({ id: op.key, alternatives: op.alternatives.map((a) => a.scopes) }));
    const plan = leastPrivilegePlan(needs, operations());
    expect(plan.search).toBe('greedy');
    for (const op of many) expect(isAuthorized(op, plan.scopes)).toBe(true);
    expect(plan.cost).toBe(authorizedCount(new Set(plan.scopes), operations()));
  });
});
