import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from './accounts';
import type { DemoAccount, DemoRole } from './accounts';

/** Where the screenshots for the docs go (overwritten on every run). */
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** An HTTP error answer a test provokes on purpose (e.g. a wrong password's 401). */
export interface ExpectedHttpError {
  status: number;
  /** A part of the request URL, e.g. "/api/campaign/v1/auth/token". */
  url: string;
}

interface Fixtures {
  /**
   * Declares an HTTP error the test provokes on purpose: the answer (and the console error
   * Chromium logs for it) no longer fails the test. Everything else still does.
   */
  allowHttpError: (expected: ExpectedHttpError) => void;
  /**
   * Signs in through the login page as the demo account of `role` (see accounts.ts; the
   * `setup` project creates them) and waits for the signed-in shell. Every test signs in
   * itself (its own browser context); a reload keeps the session (the refresh cookie, session.spec).
   */
  loginAs: (role: DemoRole) => Promise<DemoAccount>;
}

/**
 * `page`, but the test fails if the browser reported any problem while it ran: a console
 * error (this includes Content-Security-Policy violations, which Chromium logs as errors),
 * an uncaught exception, a request that failed, or a response with status 400 or above
 * (unless declared with `allowHttpError`).
 */
export const test = base.extend<Fixtures & { expectedHttpErrors: ExpectedHttpError[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  expectedHttpErrors: async ({}, provide) => {
    await provide([]);
  },
  allowHttpError: async ({ expectedHttpErrors }, provide) => {
    await provide((expected) => {
      expectedHttpErrors.push(expected);
    });
  },
  page: async ({ page, expectedHttpErrors }, provide) => {
    const problems: string[] = [];
    const isExpected = (status: number, url: string) =>
      expectedHttpErrors.some((expected) => expected.status === status && url.includes(expected.url));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      const status = /status of (\d{3})/.exec(message.text());
      if (status && isExpected(Number(status[1]), url)) return;
      problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => {
      problems.push(`uncaught exception: ${error.name}: ${error.message}`);
    });
    page.on('requestfailed', (request) => {
      // A request the browser itself cancelled (the page moved on, or a newer query replaced it) is not a
      // failure of the platform; refused connections, resets and timeouts still are.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(
        `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`,
      );
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !isExpected(response.status(), response.url())) {
        problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });

    await provide(page);

    expect(problems, 'the browser reported console errors or failed requests').toEqual([]);
  },
  loginAs: async ({ page }, provide) => {
    await provide((role) => signIn(page, DEMO_ACCOUNTS[role]));
  },
});

/** Fills and sends the login form (in either language) and waits for the signed-in shell. */
export async function signIn(page: Page, account: DemoAccount): Promise<DemoAccount> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) {
    await page.goto('/login');
  }
  await page.getByLabel(/^(Tên đăng nhập|Username)$/).fill(account.username);
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(account.password);
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Đăng xuất|Sign out)$/ })).toBeVisible();
  if (account.role !== 'learner') {
    // On phones the name is hidden from sight (not from the page).
    await expect(
      page.getByRole('region', { name: /^(Người dùng đang đăng nhập|Signed-in user)$/, includeHidden: true }),
    ).toContainText(account.fullName);
  }
  return account;
}

export { expect };
