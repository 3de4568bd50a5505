import fc from 'fast-check';
import { countText } from '../../src/analysis/count-text';

describe('countText', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1852, '1,852'],
    [-1234567, '-1,234,567'],
    [1.5, '1.5'],
  ])('writes %p as %p', (n, text) => {
    expect(countText(n)).toBe(text);
  });

  it('writes every integer as toLocaleString("en-US") does', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => countText(n) === n.toLocaleString('en-US')));
  });
});
