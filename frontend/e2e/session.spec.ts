import { expect, test } from './fixtures';

const SIGN_OUT = { name: 'Đăng xuất' } as const;

test('a reload and a new tab keep the session; signing out ends it in every tab', async ({ page, context, loginAs }) => {
  await loginAs('viewer');

  // The refresh token is campaign-api's cookie: HttpOnly, Secure (127.0.0.1 counts as secure),
  // SameSite=Strict, on the token path only; scripts cannot read it.
  const cookies = await context.cookies();
  const refresh = cookies.find((cookie) => cookie.name === 'tds_refresh');
  expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/campaign/v1/auth/token' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('tds_refresh');

  await page.goto('/movements');
  await expect(page.getByRole('heading', { level: 1, name: 'Phong trào thi đua' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Phong trào thi đua' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Người dùng đang đăng nhập' })).toContainText('Người xem');

  const second = await context.newPage();
  await second.goto('/scoring');
  await expect(second.getByRole('button', SIGN_OUT)).toBeVisible();
  await expect(second).toHaveURL('/scoring');
  // The first tab still refreshes with the rotated cookie (no reuse ends the sign-in).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Phong trào thi đua' })).toBeVisible();

  await page.getByRole('button', SIGN_OUT).click();
  await expect(page).toHaveURL('/login');
  // The other tab is told at once…
  await expect(second).toHaveURL('/login');
  // …and the sign-in is over server-side: the cookie is gone and a new tab has no session.
  expect((await context.cookies()).some((cookie) => cookie.name === 'tds_refresh')).toBe(false);
  const third = await context.newPage();
  await third.goto('/movements');
  await expect(third).toHaveURL('/login?next=%2Fmovements');
  await second.close();
  await third.close();
});

test('a stolen copy of the cookie stops working at sign-out', async ({ page, context, loginAs, browser }) => {
  await loginAs('evaluator');
  const copied = (await context.cookies()).filter((cookie) => cookie.name === 'tds_refresh');
  expect(copied).toHaveLength(1);
  await page.getByRole('button', SIGN_OUT).click();
  await expect(page).toHaveURL('/login');

  // Another browser holding the copy: its refresh is refused (401), so it lands on the login page.
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies(copied);
  await elsewhere.addInitScript(() => {
    localStorage.setItem('tds.signed-in', '1');
  });
  const other = await elsewhere.newPage();
  const refused = other.waitForResponse((response) => response.url().endsWith('/api/campaign/v1/auth/token'));
  await other.goto('/movements');
  expect((await refused).status()).toBe(401);
  await expect(other).toHaveURL('/login?next=%2Fmovements');
  await elsewhere.close();
});
