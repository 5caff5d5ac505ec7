import { defineConfig } from '@playwright/test';
import { GATEWAY_URL, STACK_PORTS, readyzUrl } from './e2e/stack';

// Browser tests against the real stack: `npm run build && npm run test:e2e`
// (E2E_PORT_BASE=19480 npm run test:e2e to run beside someone else's run; see e2e/stack.ts).
// The gateway serves frontend/dist, so build first. Browsers are never downloaded:
// Debian's Chromium is used (we run as root, hence --no-sandbox; the network is closed,
// hence no background traffic).
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // `make test` (CI) runs a failing test once more and, if it then passes, reports it as flaky
  // (the list names it): one slow moment on a shared machine must not throw away a whole run.
  // Run directly, a failure is a failure.
  retries: Number(process.env.E2E_RETRIES ?? 0),
  // The stack and Chromium share two cores: waits end when what a person would see appears, with
  // room for a busy machine (a passing test takes what it needs, only a broken one waits this long).
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  globalSetup: './e2e/global-setup.ts',
  projects: [
    // Creates one demo account per role through the API (the seed has only the administrator).
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', testIgnore: /.*\.setup\.ts/, dependencies: ['setup'] },
  ],
  use: {
    baseURL: GATEWAY_URL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    // The browser asks for English on purpose: the app must still start in Vietnamese.
    locale: 'en-US',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'python3 -m uv run --locked python -m devstack run --ephemeral --seed',
    cwd: '..',
    env: {
      ...Object.fromEntries(Object.entries(STACK_PORTS).map(([name, port]) => [name, String(port)])),
      // Every test signs in (tokens live in memory only): let parallel workers through the
      // token endpoint's rate limit (5 r/s, burst 10 in `make run`).
      GATEWAY_TOKEN_BURST: '100',
    },
    // Ready when the gateway answers for the campaign service; global-setup waits for the others.
    url: readyzUrl('campaign'),
    timeout: 120_000,
    reuseExistingServer: false,
    // devstack stops the services, nginx and the throw-away database on SIGTERM.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    // The stack's output (access logs, honcho) is hidden; `DEBUG=pw:webserver` shows it.
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
