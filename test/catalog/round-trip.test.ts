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
    expect(all.length).toBeGreaterThan(1400);
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

  it('lists every template collision in docs/catalog.md', () => {
    for (const { kept, shadowed } of routeIndex().conflicts) {
      expect(ambiguitiesDoc).toContain(shadowed.key);
      expect(ambiguitiesDoc).toContain(kept.key);
    }
  });
});
