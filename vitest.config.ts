import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// Tests run outside React's server environment; 'server-only' (which throws anywhere else)
// resolves to its empty server build, as it does in Next's server bundles.
const alias = { '@': root, 'server-only': `${root}node_modules/server-only/empty.js` };

// Two kinds of Vitest tests (docs/house-rules.md rule 8): unit tests next to the code, and
// integration tests against a real PostgreSQL with a fresh database per run.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**', 'e2e/**', '.next/**', '.data/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**', '.next/**', '.data/**'],
          environment: 'node',
          globalSetup: ['./scripts/test/integration-global-setup.ts'],
          setupFiles: ['./scripts/test/integration-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One database per run, shared by the files; files run one at a time so that
          // concurrency tests measure themselves, not each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
