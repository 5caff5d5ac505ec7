import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { campaignApi, unwrap } from '@/lib/api/services';
import { getSession } from '@/lib/auth/session';
import { jsonResponse, mockFetch, renderApp, testUser } from '@/testing/test-utils';

const TOKENS = { access_token: 'access-1', token_type: 'bearer', expires_in: 900, refresh_token: 'refresh-1' };

function problem(status: number, title: string, detail: string) {
  return jsonResponse({ type: 'urn:thidua-so:problem:x', title, status, detail }, status, 'application/problem+json');
}

describe('signing in', () => {
  it('sends a signed-out visitor to the login page, then back where they were going', async () => {
    const fetchMock = mockFetch((url) => {
      if (url.endsWith('/campaign/v1/auth/token')) return jsonResponse(TOKENS);
      if (url.endsWith('/campaign/v1/auth/me')) return jsonResponse(testUser({ full_name: 'Trần Thị Bình', roles: ['manager'] }));
      return jsonResponse({ status: 'ok' });
    });
    const { user, router } = renderApp('/movements');

    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fmovements');

    await user.type(screen.getByLabelText('Tên đăng nhập'), 'binh');
    await user.type(screen.getByLabelText('Mật khẩu'), 'mat-khau');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Phong trào thi đua' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/movements');
    const who = screen.getByRole('region', { name: 'Người dùng đang đăng nhập' });
    expect(within(who).getByText('Trần Thị Bình')).toBeInTheDocument();
    expect(within(who).getByText('Cán bộ quản lý đơn vị')).toBeInTheDocument();

    // The password grant is form-encoded; who-am-I carries the new token.
    const [tokenRequest] = fetchMock.mock.calls.find(([input]) => String(input instanceof Request ? input.url : input).endsWith('/auth/token')) ?? [];
    expect(tokenRequest).toBeInstanceOf(Request);
    const sent = tokenRequest as Request;
    expect(sent.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(await sent.text()).toBe('grant_type=password&username=binh&password=mat-khau');
    // The refresh token stays in campaign-api's HttpOnly cookie: the dashboard asks for it there.
    expect(sent.headers.get('X-Refresh-Cookie')).toBe('1');
    expect(getSession()?.refreshable).toBe(true);
  });

  it('says in Vietnamese that the username or password is wrong', async () => {
    mockFetch(() => problem(401, 'Unauthorized', 'The username or password is wrong.'));
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Tên đăng nhập'), 'admin');
    await user.type(screen.getByLabelText('Mật khẩu'), 'sai');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(screen.queryByText(/The username or password is wrong/)).not.toBeInTheDocument();
    expect(getSession()).toBeNull();
  });

  it('asks for both fields before sending anything', async () => {
    const fetchMock = mockFetch(() => jsonResponse({}));
    const { user } = renderApp('/login');

    await user.click(await screen.findByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByText('Vui lòng nhập tên đăng nhập.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('menus and guards by role', () => {
  it('shows an administrator every official menu, including accounts', async () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    renderApp('/', { signedInAs: ['admin'] });

    const menu = await screen.findByRole('navigation', { name: 'Menu chính' });
    for (const name of ['Tổng quan', 'Phong trào', 'Chấm điểm', 'Bình dân học vụ số', 'Tài khoản']) {
      expect(within(menu).getByRole('link', { name })).toBeInTheDocument();
    }
    expect(within(menu).queryByRole('link', { name: 'Tiến độ của tôi' })).not.toBeInTheDocument();
  });

  it('hides the administrators’ menus from a viewer and refuses their pages', async () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    renderApp('/accounts', { signedInAs: ['viewer'] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Menu chính' });
    expect(within(menu).getByRole('link', { name: 'Phong trào' })).toBeInTheDocument();
    expect(within(menu).queryByRole('link', { name: 'Tài khoản' })).not.toBeInTheDocument();
  });

  it('sends a learner to their own progress page', async () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    const { router } = renderApp('/', { signedInAs: ['learner'] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Tiến độ học tập của tôi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/me');
    const menu = screen.getByRole('navigation', { name: 'Menu chính' });
    expect(within(menu).getAllByRole('link').map((link) => link.textContent)).toEqual(['Tiến độ của tôi']);
  });

  it('signs out from the header and returns to the login page', async () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    const { user, router } = renderApp('/scoring', { signedInAs: ['evaluator'] });

    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByText('Bạn đã đăng xuất.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
    expect(getSession()).toBeNull();
  });

  it('ends the session on a 401 from any service and comes back after signing in again', async () => {
    mockFetch(() => problem(401, 'Unauthorized', 'The token has expired.'));
    const { router } = renderApp('/literacy', { signedInAs: ['manager'] });
    await screen.findByRole('heading', { level: 1, name: 'Bình dân học vụ số' });

    await expect(unwrap(campaignApi.GET('/v1/campaigns'))).rejects.toMatchObject({ name: 'ApiProblem', status: 401 });

    expect(await screen.findByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.')).toBeInTheDocument();
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login');
    });
    expect(router.state.location.search).toBe('?next=%2Fliteracy');
  });
});
