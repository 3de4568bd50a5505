import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scanApp, scanAppParallel, scanFilesParallel, workersAvailable } from '../../src/scan';

const root = join(__dirname, '..', 'fixtures');
const fixtures = readdirSync(root).filter((d) => existsSync(join(root, d, 'expected.json')));

describe('scanAppParallel', () => {
  it('can start workers here (compiled JS, or TypeScript through tsx)', () => {
    expect(workersAvailable()).toBe(true);
  });

  it.each(fixtures)('gives exactly the single-threaded result for fixture %s', async (name) => {
    const dir = join(root, name);
    expect(await scanAppParallel(dir, { workers: 2, minFilesForWorkers: 0 })).toEqual(scanApp(dir));
  });

  it('resolves helpers across files that different threads summarised', async () => {
    const files = [
      { file: 'src/client.ts', side: 'backend' as const, text: "import api from '@forge/api';\nexport const get = (p: any) => api.asApp().requestJira(p);" },
      { file: 'src/a.ts', side: 'backend' as const, text: "import { route } from '@forge/api';\nimport { get } from './client';\nget(route`/rest/api/3/myself`);" },
      { file: 'src/b.ts', side: 'backend' as const, text: "import { route } from '@forge/api';\nimport { get } from './client';\nget(route`/rest/api/3/field`);" },
    ];
    const r = await scanFilesParallel(files, { workers: 2, minFilesForWorkers: 0 });
    expect(r.calls.map((c) => `${c.file}:${c.line} ${c.operationKey} via ${c.via?.map((v) => v.file).join()}`)).toEqual([
      'src/a.ts:3 GET /rest/api/3/myself via src/client.ts',
      'src/b.ts:3 GET /rest/api/3/field via src/client.ts',
    ]);
  });

  it('scans the files of a worker that fails on this thread: the same result, nothing lost', async () => {
    // A worker given almost no heap dies out of memory (ERR_WORKER_OUT_OF_MEMORY) while it starts.
    for (const name of fixtures) {
      const dir = join(root, name);
      const failing = await scanAppParallel(dir, { workers: 2, minFilesForWorkers: 0, workerResourceLimits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 } });
      expect(failing).toEqual(scanApp(dir));
    }
  }, 60_000);
});
