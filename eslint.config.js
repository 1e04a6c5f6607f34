import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs in the training worker must not pull in the page (React, DOM components, app state). */
const workerSideRestriction = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'recharts', 'katex'], message: 'Worker-side code must not import UI libraries.' },
    {
      group: ['**/app/*', '**/components/*', '**/lessons/*', '**/state/*', '**/viz/*', '**/charts/*'],
      message: 'Worker-side code (ml/, datasets/, worker/) must not import app code.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results*', 'playwright-report', 'bench/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // The classic hook rules. The React-Compiler rules in 'recommended' target code compiled by
      // the React Compiler, which this project does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'Math.random', message: 'Pass a seeded Rng instead.' }],
    },
  },
  {
    files: ['src/ml/**/*.ts', 'src/datasets/**/*.ts', 'src/worker/**/*.ts'],
    ignores: ['src/worker/client.ts'],
    rules: { 'no-restricted-imports': ['error', workerSideRestriction] },
  },
  {
    files: ['src/ml/**/*.ts', 'src/datasets/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(dataSync|arraySync)$/]", message: 'dataSync/arraySync break WebGPU: use await t.data().' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Pass a seeded Rng instead of Math.random.' },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.{js,ts}', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
