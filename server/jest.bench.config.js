/**
 * Benchmarks (npm run bench): the server in-process on a throwaway PostgreSQL, like the
 * integration tests, but measuring instead of asserting. Not part of npm test.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  displayName: 'bench',
  roots: ['<rootDir>/../test/bench'],
  testMatch: ['**/*.bench.ts'],
  testTimeout: 600000,
  maxWorkers: 1,
};
