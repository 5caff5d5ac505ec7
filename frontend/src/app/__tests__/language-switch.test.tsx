import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, renderApp } from '@/testing/test-utils';

describe('language switch', () => {
  it('switches visible text between Vietnamese and English and updates <html lang>', async () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    const { user } = renderApp('/', { signedInAs: ['admin'] });

    // Vietnamese by default.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tổng quan' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Trạng thái hệ thống' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'vi');

    const switcher = screen.getByRole('group', { name: 'Ngôn ngữ' });
    const vietnamese = within(switcher).getByRole('button', { name: /Tiếng Việt/ });
    const english = within(switcher).getByRole('button', { name: /English/ });
    expect(vietnamese).toHaveAttribute('aria-pressed', 'true');
    expect(english).toHaveAttribute('aria-pressed', 'false');

    await user.click(english);

    expect(
      screen.getByRole('heading', { level: 1, name: 'Overview' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'System status' })).toBeInTheDocument();
    expect(screen.queryByText('Trạng thái hệ thống')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(english).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveAttribute('lang', 'en');

    // Back to Vietnamese with the keyboard only.
    vietnamese.focus();
    await user.keyboard('{Enter}');

    expect(
      screen.getByRole('heading', { level: 1, name: 'Tổng quan' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('System status')).not.toBeInTheDocument();
    expect(vietnamese).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveAttribute('lang', 'vi');
  });

  it('reaches the switch with Tab and changes language with Space', async () => {
    mockFetch(() => jsonResponse({ status: 'ok' }));
    const { user } = renderApp('/', { signedInAs: ['admin'] });
    await screen.findByRole('heading', { level: 1, name: 'Tổng quan' });

    const english = screen.getByRole('button', { name: /English/ });
    for (let i = 0; i < 10 && document.activeElement !== english; i += 1) {
      await user.tab();
    }
    expect(english).toHaveFocus();
    await user.keyboard(' ');

    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeInTheDocument();
  });
});
