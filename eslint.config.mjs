import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments/configs';

// Client and shared layering (docs/architecture.md): what may import what, by resolved path.
const root = import.meta.dirname;
const clientFeatures = readdirSync(`${root}/client/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// Server layering: each folder of server/src is a bounded context, but for these layers, which
// belong to none (docs/architecture.md).
const serverLayers = new Set([
  'bootstrap',
  'common',
  'database',
  'graphql',
  'logging',
  'queries',
  'setup',
  'static',
  'testing',
]);
const serverContexts = readdirSync(`${root}/server/src`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !serverLayers.has(entry.name))
  .map((entry) => entry.name);
const importResolution = {
  plugins: { 'import-x': importX },
  settings: {
    'import-x/resolver-next': [
      createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] }),
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.data/**',
      'client/src/gql/**',
      'test/output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/jest.config.js', '**/jest.*.config.js', 'test/support/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // A client feature uses another only through that feature's index.ts; the chart components
    // and the generic components know no feature and no app.
    files: ['client/src/**/*.{ts,tsx}'],
    ...importResolution,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            ...clientFeatures.map((feature) => ({
              target: `./client/src/features/${feature}`,
              from: './client/src/features',
              except: [
                `./${feature}`,
                ...clientFeatures
                  .filter((other) => other !== feature)
                  .map((other) => `./${other}/index.ts`),
              ],
              message: `The ${feature} feature uses another feature only through that feature’s index.ts.`,
            })),
            {
              target: ['./client/src/charts', './client/src/components'],
              from: ['./client/src/features', './client/src/app'],
              message: 'Charts and components take their data as props: they import no feature.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ is plain TypeScript that the server and the browser both run: it imports only
    // itself, no framework, no Node module, nothing of client/ or server/.
    files: ['shared/src/**/*.ts'],
    ...importResolution,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './shared/src',
              from: '.',
              except: ['./shared/src'],
              message: 'shared/ imports nothing but its own files.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/)',
              message: 'shared/ imports nothing but its own files: no package, no Node module.',
            },
          ],
        },
      ],
    },
  },
  {
    // A server context uses another only through the services that context's module exports:
    // never its repositories (its tables) nor its request loaders (reached through the
    // RequestLoaders every resolver is given). common/ knows no context, so any may use it.
    files: ['server/src/**/*.ts'],
    ...importResolution,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            ...serverContexts.map((context) => ({
              target: `./server/src/${context}`,
              from: serverContexts
                .filter((other) => other !== context)
                .flatMap((other) => [
                  `./server/src/${other}/**/*.repository.ts`,
                  `./server/src/${other}/**/*.loaders.ts`,
                ]),
              message: `The ${context} context uses another context through the services it exports, not its repositories or loaders.`,
            })),
            {
              target: './server/src/common',
              from: serverContexts.map((context) => `./server/src/${context}`),
              message: 'common/ knows no context: it imports nothing from a context folder.',
            },
          ],
        },
      ],
    },
  },
  // Every directive that turns a rule off says why, after `--`; one that turns off nothing fails.
  eslintComments.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { '@eslint-community/eslint-comments/require-description': 'error' },
  },
  // Type-aware rules for the server and the whole-system tests, their spec files included: each
  // file is checked against the tsconfig.json nearest to it.
  {
    files: ['server/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Raw SQL rows and parsed JSON are `any` until the repositories give them types; these rules
      // would flag every use of them rather than a mistake.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Apollo's and Nest's hooks are typed to return promises, and async generators feed
      // for-await loops: an async function without await is how they are written.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "Identifier[name=/^.{1,2}$/][typeAnnotation.typeAnnotation.typeName.name='EntityManager']",
          message: 'Call an entity manager `manager`, not by a letter or two.',
        },
        {
          selector:
            "CallExpression[callee.property.name='transaction'] > ArrowFunctionExpression > Identifier.params[name=/^.{1,2}$/]",
          message: "Call a transaction's entity manager `manager`, not by a letter or two.",
        },
      ],
    },
  },
);
