import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  LockOutlined,
  RollbackOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type ScorecardStatus = 'draft' | 'submitted' | 'reviewed' | 'approved' | 'returned';

const LOOK: Record<ScorecardStatus, { color: string; icon: React.ReactNode }> = {
  draft: { color: 'default', icon: <EditOutlined /> },
  submitted: { color: 'processing', icon: <ClockCircleOutlined /> },
  reviewed: { color: 'cyan', icon: <SearchOutlined /> },
  approved: { color: 'success', icon: <CheckCircleOutlined /> },
  returned: { color: 'warning', icon: <RollbackOutlined /> },
};

/** A scorecard's state as text with an icon (never colour alone). */
export function ScorecardStatusTag({ status }: { status: ScorecardStatus }) {
  const { t } = useTranslation();
  const look = LOOK[status];
  return (
    <Tag color={look.color} icon={look.icon}>
      {t(`scoring.status.${status}`)}
    </Tag>
  );
}

/** A criteria set's state: a published set is locked. */
export function SetStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return status === 'published' ? (
    <Tag color="success" icon={<LockOutlined />}>
      {t('scoring.sets.published')}
    </Tag>
  ) : (
    <Tag icon={<EditOutlined />}>{t('scoring.sets.draft')}</Tag>
  );
}

/** Whether a subject's place in the ranking can still change (not approved). */
export function ProvisionalTag({ provisional }: { provisional: boolean }) {
  const { t } = useTranslation();
  return provisional ? (
    <Tag icon={<ClockCircleOutlined />}>{t('scoring.ranking.provisional')}</Tag>
  ) : (
    <Tag color="success" icon={<CheckCircleOutlined />}>
      {t('scoring.ranking.final')}
    </Tag>
  );
}
