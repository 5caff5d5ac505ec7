import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ApiProblem } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';

function renderAlert(error: unknown, messages?: Partial<Record<number, string>>) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ProblemAlert error={error} messages={messages} />
    </I18nextProvider>,
  );
}

describe('ProblemAlert', () => {
  it('explains a validation problem with its field errors', () => {
    renderAlert(
      new ApiProblem({
        status: 422,
        title: 'Unprocessable Entity',
        detail: 'The request is not valid; see `errors`.',
        errors: [{ field: 'ends_on', message: 'must be after starts_on' }],
      }),
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Dữ liệu nhập chưa hợp lệ.');
    expect(alert).toHaveTextContent('Chi tiết: The request is not valid; see `errors`.');
    expect(screen.getByRole('listitem')).toHaveTextContent('ends_on: must be after starts_on');
  });

  it('uses the page’s own message for a status when given, without the server detail', () => {
    renderAlert(new ApiProblem({ status: 409, title: 'Conflict', detail: 'Already launched.' }), { 409: 'Phong trào đã được phát động.' });
    expect(screen.getByRole('alert')).toHaveTextContent('Phong trào đã được phát động.');
    expect(screen.queryByText(/Already launched/)).not.toBeInTheDocument();
  });

  it('says the server cannot be reached for a network failure, in the active language', async () => {
    await i18n.changeLanguage('en');
    renderAlert(new TypeError('Failed to fetch'));
    expect(screen.getByRole('alert')).toHaveTextContent('The server cannot be reached.');
  });

  it('renders nothing without an error', () => {
    const { container } = renderAlert(null);
    expect(container).toBeEmptyDOMElement();
  });
});
