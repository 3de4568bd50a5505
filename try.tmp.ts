import { createWorkspace } from './test/init/helpers/sample-apps';
import { main } from './src/cli/main';
(async () => {
  const ws = createWorkspace();
  const dir = ws.copy(process.argv[2]);
  console.log(dir);
  const code = await main(['node', 'si', 'init', dir, ...process.argv.slice(3)]);
  console.log('exit', code);
})();
