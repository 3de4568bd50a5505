import { readHandWritten, HAND_WRITTEN_FILE } from '../../scripts/catalog/hand-written';

const doc = (operation: object) =>
  JSON.stringify({ documents: [{ name: 'hand-written/x', product: 'jira', family: 'requestJira', title: 'X', operations: [operation] }] });
const ok = { method: 'GET', template: '/forms/x/{id}', summary: 'Get x', scopes: [['read:jira-work']], source: 'https://developer.atlassian.com/x' };

describe('scripts/catalog/hand-written.json', () => {
  it('labels every entry with the https page it was read from, and says why an entry without scopes is partial', () => {
    const documents = readHandWritten();
    expect(documents.map((d) => d.spec.file)).toEqual(['hand-written/jira-forms', 'hand-written/confluence-app-properties']);
    for (const { extracted } of documents) {
      for (const op of extracted.operations) {
        expect(op.sourceUrl).toMatch(/^https:\/\/developer\.atlassian\.com\//);
        if (op.alternatives.length === 0) expect(op.partial).toMatch(/scope unverified/);
        for (const alt of op.alternatives) expect(alt.source).toBe('reference');
      }
    }
  });

  it('keeps the Confluence PUT/DELETE app-property scope unverified (the stored page shows only the GETs)', () => {
    const confluence = readHandWritten().find((d) => d.spec.file.includes('confluence'))!.extracted.operations;
    const byKey = new Map(confluence.map((o) => [`${o.method} ${o.template}`, o]));
    expect(byKey.get('GET /wiki/rest/atlassian-connect/1/addons/{addonKey}/properties')!.alternatives[0].scopes).toEqual(['read:app-data:confluence']);
    const put = byKey.get('PUT /wiki/rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}')!;
    expect(put.alternatives).toEqual([]);
    expect(put.probableScopes).toEqual(['write:app-data:confluence']);
  });

  it.each<[string, object, RegExp]>([
    ['a missing source URL', { ...ok, source: undefined }, /operations\[0\]\.source: expected the https URL/],
    ['an http source URL', { ...ok, source: 'http://example.com' }, /operations\[0\]\.source/],
    ['an unknown method', { ...ok, method: 'FETCH' }, /operations\[0\]\.method: expected one of GET/],
    ['a template with a query', { ...ok, template: '/forms/x?y=1' }, /operations\[0\]\.template/],
    ['a scope list that is not a list of lists', { ...ok, scopes: ['read:jira-work'] }, /operations\[0\]\.scopes/],
    ['no scopes and no reason', { ...ok, scopes: [] }, /operations\[0\]\.partial: an entry without scopes must say why/],
  ])('rejects %s, naming the file and the field', (_name, operation, message) => {
    expect(() => readHandWritten('hand.json', doc(operation))).toThrow(/^hand\.json: documents\[0\]\./);
    expect(() => readHandWritten('hand.json', doc(operation))).toThrow(message);
  });

  it('rejects a file that is not JSON, naming it', () => {
    expect(() => readHandWritten(HAND_WRITTEN_FILE, '{')).toThrow(/hand-written\.json: not valid JSON/);
  });
});
