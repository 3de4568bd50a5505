import { resolveEndpoint } from '../../src/recorder/endpoint';

describe('resolveEndpoint reads methods as HTTP does (ASCII only)', () => {
  it.each([
    ['post', 'POST'],
    ['Get', 'GET'],
    [undefined, 'GET'],
  ])('records method %s as %s', (raw, expected) => {
    expect(resolveEndpoint('requestJira', raw, '/rest/api/3/issue/ABC-1/comment')?.method).toBe(expected);
  });

  it.each(['poſt', 'optıons', 'ｇｅｔ'])('does not fold the Unicode method %s into an HTTP method', (raw) => {
    expect(resolveEndpoint('requestJira', raw, '/rest/api/3/issue/ABC-1/comment')).toBeUndefined();
  });
});
