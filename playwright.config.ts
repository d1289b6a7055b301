// Browser tests run in Debian's chromium (apt-get install chromium) with SwiftShader WebGL2.
// A user's own Chrome or a Playwright-installed browser works too: set CHROMIUM_PATH, or leave it
// unset where /usr/bin/chromium is absent to use Playwright's own browser.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tools/lib/browser.ts';

const port = Number(process.env.TEST_PORT ?? 4179);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'tests',
  testMatch: ['render/**/*.spec.ts', 'e2e/**/*.spec.ts'],
  outputDir: 'test-results',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1, // SwiftShader renders on the CPU: one browser at a time on a 2-core machine.
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: {
    command: `npx tsx tools/cli.ts serve --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
