import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { auditApp } from '../../src/audit/audit-app';
import { buildFeaturesUi } from '../../scripts/build-features-ui';

const ROOT = join(__dirname, '../..');

describe("this app's own manifest.yml", () => {
  it('declares exactly what its code needs: 0 missing, 0 unused, 0 invalid', async () => {
    const { report } = await auditApp(ROOT);
    expect(report.scopes.missing).toEqual([]);
    expect(report.scopes.unused).toEqual([]);
    expect(report.scopes.invalid).toEqual([]);
    expect(report.scopes.used.map((u) => u.name)).toContain('storage:app');
    // Every feature's product calls are seen through the recorder's instrument(api).
    expect(report.endpoints.map((e) => e.key)).toEqual(
      expect.arrayContaining([
        'GET /rest/api/3/issue/{issueIdOrKey}/comment',
        'GET /rest/api/3/issue/{issueIdOrKey}/transitions',
        'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
        'GET /wiki/api/v2/pages/{id}',
        'GET /rest/api/3/mypermissions',
        'GET /wiki/rest/api/user/current',
      ]),
    );
    expect(report.unresolved).toEqual([]);
  });

  it("passes @forge/manifest's own validation", async () => {
    if (!existsSync(join(ROOT, 'static/features/build'))) await buildFeaturesUi();
    const adminBuild = join(ROOT, 'static/admin-page/build');
    if (!existsSync(adminBuild)) {
      const { buildAdminPage } = require('../../scripts/build-admin-page');
      await buildAdminPage();
    }
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const result = await validate(false, join(ROOT, 'manifest.yml'));
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
