import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '../../src/catalog';
import { buildResponseExamples } from '../../scripts/build-response-examples';
import { responseExamples } from '../../local/product/response-examples';

const file = join(__dirname, '..', '..', 'local', 'generated', 'response-examples.json');
const openapi = join(__dirname, '..', '..', '..', 'shared', 'openapi');

describe('generated response examples', () => {
  it('say in their first line that they are generated', () => {
    expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('DO NOT EDIT');
  });

  it('stay under 1.5 MB', () => {
    expect(readFileSync(file).length).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('give every catalog operation a documented success status', () => {
    const examples = responseExamples();
    const missing = operations().filter((op) => !examples[op.key] || !(examples[op.key].status >= 200 && examples[op.key].status < 300));
    expect(missing.map((op) => op.key)).toEqual([]);
  });

  (existsSync(openapi) ? it : it.skip)('match what the script builds from the OpenAPI documents', () => {
    expect(buildResponseExamples(openapi).text).toBe(readFileSync(file, 'utf8'));
  });
});
