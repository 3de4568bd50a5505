/** The admin page modules init adds are ones the admin page's resolvers answer. */
import { ADMIN_MODULES } from '../../src/init/admin-modules';
import { ADMIN_MODULE_TYPES } from '../../src/resolvers/access';

describe('init admin page modules', () => {
  it.each(Object.entries(ADMIN_MODULES))('%s: the module type init adds is answered by the admin page resolvers', (_product, { type }) => {
    expect(ADMIN_MODULE_TYPES.has(type)).toBe(true);
  });
});
