import fc from 'fast-check';
import { catalogVocabulary } from '../../src/usage/vocabulary';
import { isRedactedShape, MAX_SHAPE_LENGTH, redactPath } from '../../src/usage/redact';
import { computeEndpoint } from '../../src/recorder/endpoint';

const vocabulary = catalogVocabulary();

describe('redactPath keeps only catalog words', () => {
  it.each([
    ['/rest/api/3/issue/ABC-123/unknownthing', '/rest/api/3/issue/{}/{}'],
    ['/rest/api/3/user/557058:f58131cb-b67d-43c7-b30d-6b58d40bd077/x', '/rest/api/3/user/{}/{}'],
    ['/wiki/rest/api/content/Secret Page Title/foo?title=Quarterly+Plan', '/wiki/rest/api/content/{}/{}'],
    ['/rest/api/3/search/bogus?jql=reporter%3Dalice%40example.com', '/rest/api/3/search/{}'],
    ['/rest/api/3/project/PRJ/9f1e0c2a-1111-4222-8333-444455556666//', '/rest/api/3/project/{}/{}'],
    ['https://acme.atlassian.net/rest/api/3/xyz', '/{}/{}/rest/api/3/{}'],
    ['', '/'],
  ])('redacts %s to %s', (path, shape) => {
    expect(redactPath(path, vocabulary)).toBe(shape);
  });

  it('caps very long paths and marks them cut', () => {
    const shape = redactPath('/rest' + '/api'.repeat(200), vocabulary);
    expect(shape.length).toBeLessThanOrEqual(MAX_SHAPE_LENGTH);
    expect(shape.endsWith('/*')).toBe(true);
    expect(isRedactedShape(shape, vocabulary)).toBe(true);
  });

  it('accepts its own output and rejects shapes with words outside the catalog', () => {
    expect(isRedactedShape('/rest/api/3/issue/{}/{}', vocabulary)).toBe(true);
    expect(isRedactedShape('/rest/api/3/issue/ABC-1', vocabulary)).toBe(false);
    expect(isRedactedShape('rest/api', vocabulary)).toBe(false);
    expect(isRedactedShape('/*', vocabulary)).toBe(false);
    expect(isRedactedShape('/rest/*/api', vocabulary)).toBe(false);
  });
});

describe('computeEndpoint', () => {
  it('maps a concrete catalog path to its template', () => {
    const e = computeEndpoint('requestJira', 'GET', '/rest/api/2/issue/ABC-1?expand=names');
    expect(e).toMatchObject({ known: true, method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}' });
  });

  it('records a path outside the catalog as an unknown redacted shape', () => {
    const e = computeEndpoint('requestJira', 'GET', '/rest/api/3/issue/ABC-1/not-a-thing');
    expect(e.known).toBe(false);
    expect(e.template).not.toContain('ABC-1');
  });

  it('returns one shared object per identity', () => {
    expect(computeEndpoint('requestJira', 'GET', '/rest/api/3/issue/A-1')).toBe(computeEndpoint('requestJira', 'GET', '/rest/api/3/issue/B-2'));
  });
});

describe('redaction privacy (property)', () => {
  const words = [...vocabulary].slice(0, 200);
  it('never lets a segment outside the catalog vocabulary through, whatever the path', () => {
    const secret = fc.string({ minLength: 1, maxLength: 40 }).filter((x) => !x.includes('/') && !x.includes('?') && !x.includes('#') && !vocabulary.has(x));
    const segment = fc.oneof(fc.constantFrom(...words), secret);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 24 }), fc.string(), (segments, query) => {
        const shape = redactPath(`/${segments.join('/')}?${query}`, vocabulary);
        expect(isRedactedShape(shape, vocabulary)).toBe(true);
        for (const part of shape.split('/')) expect(part === '' || part === '{}' || part === '*' || vocabulary.has(part)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
