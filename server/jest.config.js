/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts'],
  // NestJS 12 ships ES modules only; Jest's CommonJS runtime (before Node 24.9) cannot require
  // them, so they are compiled to CommonJS like the project's own files.
  transform: { '^.+\\.(ts|js)$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@as-integrations)/)'],
  moduleNameMapper: { '^@scr/shared$': '<rootDir>/../shared/src/index.ts' },
  setupFiles: ['<rootDir>/src/testing/load-order.ts'],
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  testTimeout: 30000,
  // NestJS keeps module-level state that Jest's per-file registry does not fully reset; a fresh
  // worker for every test file keeps the files independent.
  workerIdleMemoryLimit: '1MB',
};
