// ESLint flat config. Type-aware (typescript-eslint) over src/, __tests__/ and bench/: one program
// from tsconfig.check.json, the same files `npm run typecheck` checks. Formatting is Prettier's job
// (.prettierrc.json): eslint-config-prettier, last, turns off every rule that would argue with it.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {
    ignores: [
      'dist/',
      'build/',
      'coverage/',
      'node_modules/',
      '.stagecraft/',
      // Stryker's sandbox copies of the tree (scripts/mutation.sh) and its reports.
      '.stryker-tmp/',
      'reports/',
      // Data baked into fixture images, and example projects with their own toolchains.
      '__tests__/fixtures/**/*.js',
      'examples/',
      // Declarations only (of engine-guard.mjs): checked by tsc where they are imported.
      '**/*.d.mts'
    ]
  },

  // Plain JavaScript: the scripts, the jest config and the engine guard jest loads untransformed.
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
    }
  },

  // TypeScript, type-aware.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      // The async rules are the point: a promise nobody awaits loses its rejection, an async
      // callback where a void one is expected runs unsupervised.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: an async implementation of a Promise-returning interface (a store, a fake) needs no
      // await, and `async` is what turns its synchronous throw into a rejection.
      '@typescript-eslint/require-await': 'off'
    }
  },

  // Tests and benchmarks: type-aware too, and the async rules stay on. Off here only:
  {
    files: ['__tests__/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests parse JSON (reports, SARIF, CLI output, API payloads) and assert on its shape:
      // typing every parse buys nothing the assertion does not already check.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Saving and restoring a method (process.stdout.write) and expect(mock.method) are test idioms.
      '@typescript-eslint/unbound-method': 'off',
      // The fake runner stringifies values read from event payloads whose type it does not know.
      '@typescript-eslint/no-base-to-string': 'off'
    }
  },

  prettier
)
