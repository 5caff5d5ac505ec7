import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/lib/format';
import { useScorecardHistory } from '../api/get-scorecard';

const KNOWN_ACTIONS = ['created', 'scored', 'submit', 'review', 'approve', 'return', 'computed'] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];
const isKnown = (action: string): action is KnownAction => KNOWN_ACTIONS.some((known) => known === action);

function describe(change: Record<string, unknown> | null | undefined): string {
  if (!change) return '';
  return Object.entries(change)
    .map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join('; ');
}

/** The scorecard's audit trail: who changed what and when, old → new. */
export function ScorecardHistory({ scorecardId }: { scorecardId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = useScorecardHistory(scorecardId);
  return (
    <>
      <ProblemAlert error={history.error} />
      <Table
        rowKey={(event) => `${event.occurred_at}-${event.action}`}
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        pagination={false}
        size="small"
        columns={[
          { title: t('scoring.history.when'), dataIndex: 'occurred_at', render: (value: string) => format.dateTime(value) },
          { title: t('scoring.history.who'), dataIndex: 'actor' },
          {
            title: t('scoring.history.action'),
            dataIndex: 'action',
            render: (action: string) => {
              const short = action.replace(/^scorecard\./, '');
              return isKnown(short) ? t(`scoring.history.actions.${short}`) : action;
            },
          },
          { title: t('scoring.history.before'), dataIndex: 'before', render: describe },
          { title: t('scoring.history.after'), dataIndex: 'after', render: describe },
        ]}
      />
    </>
  );
}
