/** Jest runs TypeScript through SWC (fast, no type-check; `npm test` type-checks with tsc first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/fixtures/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', transform: { react: { runtime: 'automatic' } } } }] },
  // The sandbox's platform globals first: @forge/api keeps the global fetch it finds when it loads.
  setupFiles: ['<rootDir>/local/runtime/install-globals.ts'],
  // UI components rendered to markup (react-dom/server) import Atlaskit's compiled stylesheets.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/helpers/empty-style.js' },
  maxWorkers: 2,
  testTimeout: 30000,
};
