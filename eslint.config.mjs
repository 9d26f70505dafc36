import js from '@eslint/js';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Client and shared layering (docs/architecture.md): what may import what, by resolved path.
const root = import.meta.dirname;
const clientFeatures = readdirSync(`${root}/client/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
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
    files: ['**/*.cjs', '**/jest.config.js', 'test/support/*.js'],
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
);
