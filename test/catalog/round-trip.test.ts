import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { match, operations, routeIndex } from '../../src/catalog';
import { instantiate } from './instantiate';

const ambiguitiesDoc = readFileSync(join(__dirname, '../../docs/catalog.md'), 'utf8');

describe('every catalog operation maps back to itself', () => {
  const all = operations();

  it('has operations from all five products', () => {
    const products = new Set(all.map((op) => op.product));
    expect([...products].sort()).toEqual(['bitbucket', 'confluence', 'jira', 'jira-service-management', 'jira-software']);
    expect(all.length).toBeGreaterThan(1800);
  });

  it('has every operation of the Assets (64) and JSM Operations (240) documents, and the hand-written entries', () => {
    const count = (prefix: string) => all.filter((op) => op.template.startsWith(prefix)).length;
    expect(count('/jsm/assets/workspace/{workspaceId}/v1/')).toBe(64);
    expect(count('/jsm/ops/')).toBe(240);
    expect(all.filter((op) => op.sourceUrl).length).toBe(16);
  });

  it.each([0, 1])('round-trips every template instantiated with value set %i', (variant) => {
    const wrong: string[] = [];
    for (const op of all) {
      const path = instantiate(op.template, variant);
      const result = match(op.family, op.method, path);
      if (result.operation !== op) wrong.push(`${op.key} ← ${path} → ${result.operation?.key ?? (result as { reason: string }).reason}`);
    }
    // Whatever does not round-trip must be a documented ambiguity of Atlassian's documents.
    const undocumented = wrong.filter((line) => !ambiguitiesDoc.includes(line.split(' ← ')[0]));
    expect(undocumented).toEqual([]);
  });

  it('round-trips through the /rest/api/2 and /rest/api/latest twins of every Jira platform operation', () => {
    for (const op of all.filter((o) => o.template.startsWith('/rest/api/3/'))) {
      for (const version of ['2', 'latest']) {
        const path = instantiate(op.template).replace('/rest/api/3/', `/rest/api/${version}/`);
        expect(match('requestJira', op.method, path).operation?.key).toBe(op.key);
      }
    }
  });

  it.each([0, 1])('round-trips every JSM Operations template in both documented path forms (value set %i), reporting the form', (variant) => {
    const ops = all.filter((o) => o.template.startsWith('/jsm/ops/api/v1/'));
    expect(ops.length).toBe(166);
    for (const op of ops) {
      const forge = instantiate(op.template, variant);
      const cloudId = forge.replace('/jsm/ops/api/v1/', '/jsm/ops/api/3f2c1b7e-8a4d-4e0f-9b6a-2d5c7e1f0a93/v1/');
      const a = match('requestJira', op.method, forge);
      const b = match('requestJira', op.method, cloudId);
      expect([a.operation?.key, a.operation && a.pathForm]).toEqual([op.key, 'forge']);
      expect([b.operation?.key, b.operation && b.pathForm]).toEqual([op.key, 'cloud-id']);
      // The cloud id is not one of the operation's parameters.
      expect(b.operation && b.params).toEqual(a.operation && a.params);
    }
  });

  it('reports the stakeholder-comms operations, which have no documented Forge form, as matched in an unverified form', () => {
    const ops = all.filter((o) => o.template.startsWith('/jsm/ops/stakeholder-comms/'));
    expect(ops.length).toBe(74);
    for (const op of ops) {
      expect(op.forgePathUnverified).toBe(true);
      const result = match('requestJira', op.method, instantiate(op.template));
      expect([result.operation?.key, result.operation && result.pathForm]).toEqual([op.key, 'unverified']);
    }
    expect(all.filter((o) => o.forgePathUnverified).length).toBe(74);
  });

  it('lists every template collision in docs/catalog.md', () => {
    for (const { kept, shadowed } of routeIndex().conflicts) {
      expect(ambiguitiesDoc).toContain(shadowed.key);
      expect(ambiguitiesDoc).toContain(kept.key);
    }
  });
});
