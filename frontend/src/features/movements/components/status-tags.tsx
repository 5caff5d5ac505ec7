/** Statuses shown as a tag with an icon and a word: never by colour alone. */
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanStatus, ReportStatus } from '../api/get-campaign';
import type { ShownStatus } from '../lifecycle';

const CAMPAIGN: Record<ShownStatus, { color: string; icon: ReactNode }> = {
  draft: { color: 'default', icon: <EditOutlined /> },
  upcoming: { color: 'default', icon: <ClockCircleOutlined /> },
  active: { color: 'processing', icon: <PlayCircleOutlined /> },
  ended: { color: 'warning', icon: <StopOutlined /> },
  closed: { color: 'default', icon: <StopOutlined /> },
};
const PLAN: Record<PlanStatus, { color: string; icon: ReactNode }> = {
  on_time: { color: 'success', icon: <CheckCircleOutlined /> },
  late: { color: 'warning', icon: <ClockCircleOutlined /> },
  missing: { color: 'error', icon: <MinusCircleOutlined /> },
};
const REPORT: Record<ReportStatus, { color: string; icon: ReactNode }> = {
  submitted: { color: 'processing', icon: <ExclamationCircleOutlined /> },
  accepted: { color: 'success', icon: <CheckCircleOutlined /> },
  returned: { color: 'warning', icon: <RollbackOutlined /> },
};
const DECISION: Record<'submitted' | 'accepted' | 'rejected', { color: string; icon: ReactNode }> = {
  submitted: { color: 'processing', icon: <ExclamationCircleOutlined /> },
  accepted: { color: 'success', icon: <CheckCircleOutlined /> },
  rejected: { color: 'error', icon: <CloseCircleOutlined /> },
};

/** The status as a person should read it: use `shownStatus` (an active movement past its end has ended). */
export function CampaignStatusTag({ status }: { status: ShownStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={CAMPAIGN[status].color} icon={CAMPAIGN[status].icon}>
      {t(`movements.status.${status}`)}
    </Tag>
  );
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLAN[status].color} icon={PLAN[status].icon}>
      {t(`movements.planStatus.${status}`)}
    </Tag>
  );
}

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REPORT[status].color} icon={REPORT[status].icon}>
      {t(`movements.reportStatus.${status}`)}
    </Tag>
  );
}

export function InitiativeStatusTag({ status }: { status: 'submitted' | 'accepted' | 'rejected' }) {
  const { t } = useTranslation();
  return (
    <Tag color={DECISION[status].color} icon={DECISION[status].icon}>
      {t(`movements.initiativeStatus.${status}`)}
    </Tag>
  );
}
