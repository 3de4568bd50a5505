import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '../../src/catalog';
import { scanApp } from '../../src/scan';
import { readTruth, scoreApp, total, type AppScore } from '../helpers/realistic-score';

/**
 * The realistic sample apps (test/fixtures/realistic), each with a ground truth written by hand
 * from reading its code: product call sites and their operations, followed links, request
 * surfaces, egress, and calls that are not product calls. `scripts/measure-realistic.ts` prints the same figures.
 */
const root = join(__dirname, '..', 'fixtures', 'realistic');
const apps = readdirSync(root).sort();
const keys = new Set(operations().map((o) => o.key));

describe('realistic sample apps', () => {
  const scores: AppScore[] = [];
  beforeAll(() => {
    for (const app of apps) scores.push(scoreApp(app, readTruth(join(root, app)), scanApp(join(root, app))));
  });

  it('has ground truths that name real catalog operations', () => {
    const unknown = apps.flatMap((app) => {
      const t = readTruth(join(root, app));
      return [...t.sites.flatMap((s) => s.ops), ...t.links.flatMap((l) => l.returnedBy)].filter((k) => !keys.has(k)).map((k) => `${app}: ${k}`);
    });
    expect(unknown).toEqual([]);
  });

  it('finds at least 97 % of the product call sites and resolves at least 92 % to the right operation', () => {
    const t = total(scores);
    const misses = scores.flatMap((s) => s.misses.map((m) => `${s.app}: ${m}`));
    expect({ found: t.found / t.sites >= 0.97, resolved: t.resolved / t.sites >= 0.92, misses }).toEqual({ found: true, resolved: true, misses: expect.any(Array) });
  });

  it('reports no call that is not a product call as one (egress, look-alikes, tests)', () => {
    expect(scores.flatMap((s) => s.falseProductCalls.map((f) => `${s.app}: ${f}`))).toEqual([]);
  });

  it('reports no host the code does not load as egress (connection hints, data strings)', () => {
    expect(scores.flatMap((s) => s.falseEgress.map((f) => `${s.app}: ${f}`))).toEqual([]);
  });

  it('names the operation that returned every followed link', () => {
    const t = total(scores);
    expect(t.linksAttributed).toBe(t.links);
  });

  it('reports every request surface and every external reference of the ground truths', () => {
    const t = total(scores);
    expect({ surfaces: t.surfacesFound, egress: t.egressFound }).toEqual({ surfaces: t.surfaces, egress: t.egress });
  });
});
