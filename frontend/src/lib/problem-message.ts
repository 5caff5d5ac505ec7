import type { TFunction } from 'i18next';
import { isApiProblem } from './api-client';

/** The translated, readable headline of an error. */
export function problemMessage(t: TFunction, error: unknown, messages: Partial<Record<number, string>> = {}): string {
  if (isApiProblem(error)) {
    const own = messages[error.status];
    if (own) return own;
    switch (error.status) {
      case 400: return t('problem.status.400');
      case 401: return t('problem.status.401');
      case 403: return t('problem.status.403');
      case 404: return t('problem.status.404');
      case 409: return t('problem.status.409');
      case 412: return t('problem.status.412');
      case 413: return t('problem.status.413');
      case 422: return t('problem.status.422');
      case 429: return t('problem.status.429');
      default: return error.status >= 500 ? t('problem.status.5xx') : t('problem.generic');
    }
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError) return t('problem.network');
  return t('problem.generic');
}
