import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, renderApp } from '@/testing/test-utils';

describe('unknown routes', () => {
  it.each(['/khong-ton-tai', '/anything/deep'])('render the Vietnamese 404 page at %s', async (path) => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    renderApp(path);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy trang' }),
    ).toBeInTheDocument();
    // Inside the public layout: the product name links home.
    expect(screen.getByRole('link', { name: 'Thi Đua Số' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
  });

  it('links back to the home page', async () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    const { user, router } = renderApp('/anything/deep', { signedInAs: ['viewer'] });

    await user.click(await screen.findByRole('link', { name: 'Về trang chủ' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tổng quan' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByText('Không tìm thấy trang')).not.toBeInTheDocument();
  });
});
