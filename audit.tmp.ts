import { main } from './src/cli/main';
(async () => { for (const a of process.argv.slice(2)) { console.log('===', a); await main(['node', 'si', 'audit', `test/fixtures/init-apps/${a}`, '--fail-on', 'none']); } })();
