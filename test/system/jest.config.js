/** @type {import('jest').Config} */
module.exports = {
  displayName: 'system',
  rootDir: __dirname,
  testEnvironment: 'node',
  // The benchmarks' own logic has unit specs beside them; the benchmarks (*.bench.ts) run only
  // with npm run bench.
  roots: ['<rootDir>', '<rootDir>/../bench'],
  testMatch: ['**/*.spec.ts'],
  transform: require('../support/swc-transform'),
  testTimeout: 120000,
  maxWorkers: 1,
};
