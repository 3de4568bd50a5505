import { principalLabel } from '../../src/report/principal-label';

describe('principalLabel', () => {
  it('names a runtime principal and the static principal of the same kind alike', () => {
    expect(principalLabel('app')).toBe(principalLabel('asApp'));
    expect(principalLabel('user')).toBe(principalLabel('asUser'));
    expect(principalLabel('none')).toBe(principalLabel('default'));
  });

  it('keeps different kinds of caller apart', () => {
    const labels = (['app', 'user', 'none', 'bridge', 'inspector'] as const).map(principalLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
