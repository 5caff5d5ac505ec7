import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/lib/format';
import { useScorecardHistory } from '../api/get-scorecard';
import { describeEvent } from '../logic/history';
import type { HistoryWords } from '../logic/history';
import { walk } from '../logic/scores';
import type { Criterion } from '../logic/scores';

const KNOWN_ACTIONS = ['created', 'scored', 'submit', 'review', 'approve', 'return', 'computed'] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];
const isKnown = (action: string): action is KnownAction => KNOWN_ACTIONS.some((known) => known === action);
const STATUSES = ['draft', 'submitted', 'reviewed', 'approved', 'returned'] as const;
const FIELDS = ['status', 'self_score', 'note', 'evidence_url', 'reviewed_score', 'review_note', 'auto_score'] as const;

/**
 * The scorecard's audit trail, newest first as the API sends it: what was done, by whom (the name written
 * when they did it; events from before names were kept show none), when, and what changed in words
 * ("Tự chấm: 4,5 → 8"), as a list that wraps on a phone instead of a wide table.
 */
export function ScorecardHistory({ scorecardId, criteria = [] }: { scorecardId: string; criteria?: readonly Criterion[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = useScorecardHistory(scorecardId);
  const titles = new Map(walk(criteria).map(({ criterion }) => [criterion.code, `${criterion.code} ${criterion.title}`]));
  const words: HistoryWords = {
    status: (status) => (STATUSES.some((known) => known === status) ? t(`scoring.status.${status as (typeof STATUSES)[number]}`) : status),
    criterion: (code) => titles.get(code) ?? code,
    field: (field) => (FIELDS.some((known) => known === field) ? t(`scoring.history.fields.${field as (typeof FIELDS)[number]}`) : field),
    reason: t('scoring.history.reason'),
    empty: '—',
    number: (value) => format.number(typeof value === 'number' || typeof value === 'string' ? value : null),
  };
  return (
    <>
      <ProblemAlert error={history.error} />
      <List
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        locale={{ emptyText: t('scoring.history.none') }}
        renderItem={(event) => {
          const short = event.action.replace(/^scorecard\./, '');
          const lines = describeEvent(event.action, event.before, event.after, words);
          return (
            <List.Item key={`${event.occurred_at}-${event.action}`}>
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Typography.Text strong>{isKnown(short) ? t(`scoring.history.actions.${short}`) : t('scoring.history.other')}</Typography.Text>
                {event.actor_name && <Typography.Text> — {event.actor_name}</Typography.Text>}
                <Typography.Text type="secondary"> · {format.dateTime(event.occurred_at)}</Typography.Text>
                {lines.length > 0 && (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {lines.map((line) => <li key={line}>{line}</li>)}
                  </ul>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    </>
  );
}
