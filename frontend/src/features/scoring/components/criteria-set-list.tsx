import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useCriteriaSets } from '../api/get-criteria-sets';
import type { CriteriaSet } from '../api/get-criteria-sets';
import { SetStatusTag } from './status-tag';

/** The criteria sets, newest first; whoever the list allows to "create" starts a new one. */
export function CriteriaSetList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const sets = useCriteriaSets();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can(sets.data, 'create') && (
        <Button
          icon={<PlusOutlined />}
          type="primary"
          onClick={() => {
            void navigate(`${paths.scoringCriteriaSets}/new`);
          }}
        >
          {t('scoring.sets.create')}
        </Button>
      )}
      <ProblemAlert error={sets.error} />
      <Table<CriteriaSet>
        rowKey="id"
        loading={sets.isPending}
        dataSource={sets.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('scoring.sets.name'),
            dataIndex: 'name',
            render: (name: string, set) => <Link to={`${paths.scoringCriteriaSets}/${set.id}`}>{name}</Link>,
          },
          { title: t('scoring.sets.version'), dataIndex: 'version' },
          {
            title: t('scoring.sets.subjectType'),
            dataIndex: 'subject_type',
            render: (type: 'collective' | 'individual') => t(`scoring.subjectType.${type}`),
          },
          { title: t('scoring.sets.maxTotal'), dataIndex: 'max_total', render: (value: string) => format.number(value) },
          { title: t('scoring.sets.status'), dataIndex: 'status', render: (status: string) => <SetStatusTag status={status} /> },
        ]}
      />
    </Space>
  );
}
