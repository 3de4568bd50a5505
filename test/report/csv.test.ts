import { neutralizeCell } from '../../src/report/csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTAB', `'\tTAB`],
    ['\rCR', `'\rCR`],
    ['/rest/api/3/issue/{issueIdOrKey}', '/rest/api/3/issue/{issueIdOrKey}'],
    ['GET', 'GET'],
    ['', ''],
  ])('neutralises %j as %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });
});
