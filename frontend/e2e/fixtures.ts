import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';

/** Where the screenshots for the docs go (overwritten on every run). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * `page`, but the test fails if the browser reported any problem while it ran: a console
 * error (this includes Content-Security-Policy violations, which Chromium logs as errors),
 * an uncaught exception, a request that failed, or a response with status 400 or above.
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught exception: ${error.name}: ${error.message}`);
    });
    page.on('requestfailed', (request) => {
      problems.push(
        `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`,
      );
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });

    await provide(page);

    expect(problems, 'the browser reported console errors or failed requests').toEqual([]);
  },
});

export { expect };
