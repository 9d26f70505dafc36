/** @type {import('jest').Config} */
module.exports = {
  displayName: 'client',
  testEnvironment: '<rootDir>/src/testing/jsdom-environment.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  transform: {
    '^.+\\.(ts|tsx|js|mjs)$': [
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
  // d3 ships ES modules only; they are compiled like the app's own code.
  transformIgnorePatterns: ['/node_modules/(?!(d3-[a-z-]+|internmap)/)'],
  moduleNameMapper: {
    '^@scr/shared$': '<rootDir>/../shared/src/index.ts',
    '\\.css$': '<rootDir>/src/testing/style-stub.cjs',
  },
  setupFiles: ['<rootDir>/src/testing/jsdom-globals.cjs'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
};
