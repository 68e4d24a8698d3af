import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
if (!hasChromium) {
  console.warn(
    `\n*** Browser tests did NOT run: Chromium was not found at ${chromium}.\n` +
      '*** Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH). CI always runs them.\n',
  );
}
const withPostgres = Boolean(process.env.DATABASE_URL);

const server = (name: string, include: string[], env: Record<string, string> = {}, exclude: string[] = []) => ({
  extends: true as const,
  test: { name, include, exclude: [...exclude, '**/node_modules/**'], env, testTimeout: 30_000, hookTimeout: 120_000 },
});

export default defineConfig({
  test: {
    projects: [
      server('unit', ['apps/**/*.test.ts', 'packages/**/*.test.ts'], {}, ['**/*.int.test.ts']),
      server('pglite', ['apps/server/**/*.int.test.ts'], { PORTICO_TEST_DB: 'pglite' }),
      ...(withPostgres ? [server('postgres', ['apps/server/**/*.int.test.ts'], { PORTICO_TEST_DB: 'postgres' })] : []),
      ...(hasChromium
        ? [
            {
              extends: true as const,
              test: {
                name: 'browser',
                include: ['e2e/**/*.e2e.test.ts'],
                testTimeout: 90_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
  },
});
