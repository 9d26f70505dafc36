/** @type {import('jest').Config} */
module.exports = {
  displayName: 'system',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  transform: require('../support/swc-transform'),
  testTimeout: 120000,
  maxWorkers: 1,
};
