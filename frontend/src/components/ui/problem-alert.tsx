import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '@/lib/api-client';
import { problemMessage } from '@/lib/problem-message';

export interface ProblemAlertProps {
  /** What a query or mutation rejected with: an ApiProblem, a network TypeError, anything. */
  error: unknown;
  /** Page-specific messages by HTTP status, e.g. `{ 401: t('login.wrongCredentials') }`. */
  messages?: Partial<Record<number, string>>;
  /** Show the server's `detail` (English, precise) under the translated message; default true. */
  showDetail?: boolean;
  className?: string;
}

/**
 * An RFC 9457 problem (or any error) shown in the page: a translated headline by
 * status, the server's detail, and the list of field errors of a 422.
 */
export function ProblemAlert({ error, messages, showDetail = true, className }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  const problem = isApiProblem(error) ? error : undefined;
  const ownMessage = problem ? messages?.[problem.status] : undefined;

  const parts: ReactNode[] = [];
  if (problem?.detail && showDetail && !ownMessage) {
    parts.push(<div key="detail">{t('problem.detail', { detail: problem.detail })}</div>);
  }
  if (problem && problem.errors.length > 0) {
    parts.push(
      <div key="fields">
        {t('problem.fieldErrors')}
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problem.errors.map((fieldError) => (
            <li key={`${fieldError.field}:${fieldError.message}`}>
              <strong>{fieldError.field}</strong>: {fieldError.message}
            </li>
          ))}
        </ul>
      </div>,
    );
  }

  return (
    <Alert
      type="error"
      showIcon
      className={className}
      title={problemMessage(t, error, messages)}
      description={parts.length > 0 ? parts : undefined}
    />
  );
}
