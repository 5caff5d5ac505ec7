import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, requestUrl } from '@/testing/test-utils';
import { ApiProblem, api, isApiProblem } from '../api-client';

describe('api-client', () => {
  it('turns a problem+json 422 into an ApiProblem carrying the errors list', async () => {
    const fetchMock = mockFetch(() =>
      jsonResponse(
        {
          type: 'https://thiduaso.vn/problems/validation',
          title: 'Dữ liệu không hợp lệ',
          status: 422,
          detail: 'Có 2 trường không hợp lệ.',
          instance: '/api/campaign/campaigns',
          errors: [
            { field: 'name', message: 'Tên phong trào là bắt buộc.' },
            { field: 'endDate', message: 'Ngày kết thúc phải sau ngày bắt đầu.' },
            { field: 42, message: 'ignored: field is not a string' },
          ],
        },
        422,
        'application/problem+json',
      ),
    );

    const error: unknown = await api
      .post('/campaign/campaigns', { name: '' })
      .then(() => 'resolved', (e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    expect(isApiProblem(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'ApiProblem',
      status: 422,
      title: 'Dữ liệu không hợp lệ',
      detail: 'Có 2 trường không hợp lệ.',
      type: 'https://thiduaso.vn/problems/validation',
      instance: '/api/campaign/campaigns',
      message: 'Có 2 trường không hợp lệ.',
    });
    expect((error as ApiProblem).errors).toEqual([
      { field: 'name', message: 'Tên phong trào là bắt buộc.' },
      { field: 'endDate', message: 'Ngày kết thúc phải sau ngày bắt đầu.' },
    ]);

    // The request itself went out as JSON to the configured base.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [input, init] = fetchMock.mock.calls[0] ?? [];
    expect(input && requestUrl(input)).toBe('/api/campaign/campaigns');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(JSON.stringify({ name: '' }));
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  it('makes an ApiProblem from an error without a problem body', async () => {
    mockFetch(
      () =>
        new Response('upstream timed out', {
          status: 504,
          statusText: 'Gateway Timeout',
          headers: { 'Content-Type': 'text/plain' },
        }),
    );

    await expect(api.get('/scoring/rankings')).rejects.toMatchObject({
      status: 504,
      title: 'Gateway Timeout',
      type: 'about:blank',
      detail: undefined,
      errors: [],
    });
  });

  it('returns the parsed JSON body on success and undefined on 204', async () => {
    mockFetch((url) =>
      url.endsWith('/empty') ? new Response(null, { status: 204 }) : jsonResponse({ status: 'ok' }),
    );

    await expect(api.get('/literacy/healthz')).resolves.toEqual({ status: 'ok' });
    await expect(api.delete('/literacy/empty')).resolves.toBeUndefined();
  });

  it('lets a network failure through as it is, not as an ApiProblem', async () => {
    mockFetch(() => new TypeError('Failed to fetch'));

    await expect(api.get('/campaign/healthz')).rejects.toThrow(TypeError);
  });
});
