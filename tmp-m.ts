import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
(async () => {
  const stubGates = process.argv.includes('--stub');
  const plugins: any[] = [{ name: 'static-themes', setup(b: any) { b.onLoad({ filter: /@atlaskit[\\/]tokens[\\/]dist[\\/]esm[\\/]artifacts[\\/]theme-import-map\.js$/ }, () => ({ contents: "export const themeImportMap = new Proxy({}, { get: () => () => Promise.resolve({ default: '' }) }); export default themeImportMap;", loader: 'js' })); } }];
  if (stubGates) plugins.push({ name: 'gates', setup(b: any) { b.onResolve({ filter: /^@atlaskit\/feature-gate-js-client/ }, () => ({ path: 'gates', namespace: 'stub' })); b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default { checkGate: () => false, getExperimentValue: (e, p, d) => d, initializeCompleted: () => false };', loader: 'js' })); } });
  const r = await build({ entryPoints: { main: 'static/admin-page/src/index.tsx' }, bundle: true, minify: true, format: 'esm', splitting: true, platform: 'browser', target: ['chrome111'], jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' }, loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' }, outdir: '/tmp/selm/out3', write: false, plugins, logLevel: 'error', metafile: true });
  let total = 0;
  for (const f of r.outputFiles!) if (f.path.endsWith('.js')) { const g = gzipSync(f.contents).length; total += g; const o = r.metafile!.outputs[Object.keys(r.metafile!.outputs).find(k => f.path.endsWith(k.replace(/^.*out3\//, '')))!]; console.log((g/1024).toFixed(1).padStart(7), f.path.split('/').pop(), o?.entryPoint ?? ''); }
  console.log('total', (total/1024).toFixed(1));
})();
