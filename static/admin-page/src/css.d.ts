/** Stylesheets are bundled by esbuild (scripts/build-admin-page.ts); importing one has no value. */
declare module '*.css';
