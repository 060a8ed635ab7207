// Lint: Next.js's own rules (core web vitals, React hooks, jsx-a11y), typescript-eslint (typed
// rules where they catch money bugs: floating and misused promises), and Prettier owning layout.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Layers (docs/architecture.md): each zone lists what a folder must never import. The sandbox
// bank and the demo store stand for outside systems, so they share nothing with the wallet
// but lib/, the small library that depends on nothing (and, in their tests, the run's database URL).
const outside = (folder, why) => ({
  target: `./${folder}`,
  from: './',
  except: [`./${folder}`, './lib', './node_modules', './scripts/test/test-database-url.ts'],
  message: why,
});
const boundaryZones = [
  {
    target: './ledger',
    from: './',
    except: ['./ledger', './node_modules'],
    message: 'ledger/ is the pure core: it imports nothing outside itself.',
  },
  {
    target: './lib',
    from: './',
    except: ['./lib', './node_modules'],
    message: 'lib/ is shared by the wallet and the outside systems: it depends on nothing of theirs.',
  },
  {
    target: './server',
    from: ['./components', './app'],
    message: 'server/ holds the use cases: it never imports pages or components (they call it, not the reverse).',
  },
  outside('sandbox-bank', 'The sandbox bank is an outside system: it imports nothing of the wallet (only lib/).'),
  outside('demo-store', 'The demo store is an outside merchant: it imports nothing of the wallet (only lib/).'),
];

export default defineConfig([
  globalIgnores([
    '.next/**',
    '.data/**',
    'server/generated/**',
    'test-results/**',
    'playwright-report/**',
    'e2e/.generated/**',
    'next-env.d.ts',
  ]),
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
    },
  },
  {
    // Components render; what they need from the server comes in as props or server actions.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)server(/|$)',
              allowTypeImports: true,
              message:
                'components/ imports no runtime code from server/ (types only; values come as props or actions).',
            },
          ],
        },
      ],
    },
  },
  {
    // A domain error's code must be a registered ErrorCode (an HTTP status and words in both
    // languages): outside the pure core, errors extend AppError, never DomainError itself.
    files: ['**/*.{ts,tsx}'],
    ignores: ['ledger/**', 'server/core/app-error.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ClassDeclaration[superClass.name='DomainError'], ClassExpression[superClass.name='DomainError']",
          message: 'Extend AppError (server/core/app-error.ts) so the code is a registered ErrorCode.',
        },
      ],
    },
  },
  {
    // Tests read parsed JSON answers of any shape (res.body.error.code); typing each would only
    // restate the answer the test checks.
    files: ['**/*.test.ts', '**/testing/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
]);
