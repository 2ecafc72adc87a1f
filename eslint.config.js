// ESLint flat config: recommended sets from ESLint, typescript-eslint, eslint-plugin-lit and
// eslint-plugin-wc, plus the house-style rules a linter can check. Formatting is Prettier's job.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  fetch: 'readonly',
};

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'coverage/', '.vite/', '.tmp/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],

  {
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // Unused things are errors, except a deliberate `_` prefix for ignored arguments.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Types-only imports stay types-only (tsc's verbatimModuleSyntax checks the rest).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  // Library code: the house style for elements and services.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/mocks/**'],
    rules: {
      // A library on someone else's page speaks only when something is wrong.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Loading the bundle twice must be harmless: every define() is guarded.
      'wc/guard-define-call': 'error',
      'wc/no-constructor-params': 'error',
      'wc/no-typos': 'error',
      'wc/require-listener-teardown': 'error',
      'lit/attribute-names': ['error', { convention: 'kebab' }],
      'lit/lifecycle-super': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-template-bind': 'error',
      // String-literal unions instead of enums; no raw HTML sinks (Lit templates escape for us).
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string-literal union, not an enum.' },
        {
          selector:
            'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render with Lit templates; never assign HTML strings.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render with Lit templates; never insert HTML strings.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'Backend text must be escaped.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'Backend text must be escaped.' },
          ],
        },
      ],
    },
  },

  // Components see services only through interfaces and context keys, never implementations.
  {
    files: ['src/components/**/*.ts', 'src/controllers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'idb', message: 'Storage lives in src/core/cache; inject it via context.' },
            { name: 'lit/directives/unsafe-html.js', message: 'Backend text must be escaped.' },
            { name: 'lit/directives/unsafe-svg.js', message: 'Backend text must be escaped.' },
          ],
          patterns: [
            {
              group: ['**/core/api/rest-backend.js', '**/core/cache/idb-*.js', '**/mocks/**'],
              message:
                'Components import interfaces and context keys from core/, not implementations.',
            },
          ],
        },
      ],
    },
  },

  // core/ is plain TypeScript: no Lit rendering.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit', message: 'core/ has no Lit; keep rendering in components/.' },
            {
              name: 'lit/decorators.js',
              message: 'core/ has no Lit; keep rendering in components/.',
            },
          ],
        },
      ],
    },
  },

  // Tests: chai's `expect(x).to.be.true` style reads as an unused expression.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    ignores: ['test/helpers/wait.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['waitUntil'],
              message: 'Import waitUntil from test/helpers/wait.ts (a 5 s default, not 1 s).',
            },
          ],
        },
      ],
    },
  },

  // Node scripts and tool configs.
  {
    files: ['**/*.mjs', '**/*.config.{js,mjs,ts}', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: nodeGlobals },
  },
]);
