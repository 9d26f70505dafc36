/** @type {import('jest').Config} */
module.exports = {
  displayName: 'client',
  testEnvironment: 'jsdom',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  transform: {
    '^.+\\.(ts|tsx)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@scr/shared$': '<rootDir>/../shared/src/index.ts',
    '\\.css$': '<rootDir>/src/testing/style-stub.cjs',
  },
  setupFiles: ['<rootDir>/src/testing/jsdom-globals.cjs'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
};
