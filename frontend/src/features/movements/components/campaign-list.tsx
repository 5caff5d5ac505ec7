import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import type { CampaignSchemas } from '@/lib/api/services';
import { useFormatters } from '@/lib/format';
import { useCampaigns } from '../api/get-campaigns';
import { useUnitName } from '@/lib/units';
import type { CampaignLevel, CampaignStatus } from '../api/keys';
import { LEVELS, STATUSES } from '../constants';
import { shownStatus, todayIso } from '../lifecycle';
import { CampaignStatusTag } from './status-tags';

const PAGE_SIZE = 20;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((item) => item === value);
}

export interface CampaignListProps {
  detailPath: (id: string) => string;
  /** Opens the "new movement" page; its button shows when the list allows `create`. */
  onCreate: () => void;
}

/** Movements with filters by level, status and title; the filters live in the URL so a link keeps them. */
export function CampaignList({ detailPath, onCreate }: CampaignListProps) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const unitName = useUnitName();
  const today = todayIso();
  const [params, setParams] = useSearchParams();
  const level = oneOf(params.get('level'), LEVELS);
  const status = oneOf(params.get('status'), STATUSES);
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const query = useCampaigns({ level, status, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<CampaignSchemas['CampaignOut']> = [
    {
      title: t('movements.fields.title'),
      dataIndex: 'title',
      render: (title: string, campaign) => (
        <div>
          <Link to={detailPath(campaign.id)}>{title}</Link>
          <div style={{ fontSize: 12 }}>{campaign.code}</div>
        </div>
      ),
    },
    { title: t('movements.fields.level'), dataIndex: 'level', render: (value: CampaignLevel) => t(`movements.level.${value}`) },
    { title: t('movements.fields.organizer'), dataIndex: 'organizer_unit_code', render: (code: string) => unitName(code) },
    {
      title: t('movements.fields.period'),
      key: 'period',
      render: (_, campaign) => `${date(campaign.starts_on)} – ${date(campaign.ends_on)}`,
    },
    {
      title: t('movements.fields.status'),
      key: 'status',
      render: (_, campaign) => <CampaignStatusTag status={shownStatus(campaign.status, campaign.starts_on, campaign.ends_on, today)} />,
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex wrap gap="middle" role="search" aria-label={t('movements.list.filters')}>
        <Input.Search
          aria-label={t('movements.list.search')}
          placeholder={t('movements.list.searchPlaceholder')}
          value={text}
          allowClear
          onChange={(event) => {
            setText(event.target.value);
          }}
          onSearch={(value) => {
            setParam('q', value.trim() || undefined);
          }}
          style={{ maxWidth: 360 }}
        />
        <Select
          aria-label={t('movements.fields.level')}
          placeholder={t('movements.list.allLevels')}
          allowClear
          value={level}
          onChange={(value?: CampaignLevel) => {
            setParam('level', value);
          }}
          options={LEVELS.map((value) => ({ value, label: t(`movements.level.${value}`) }))}
          style={{ minWidth: 180 }}
        />
        <Select
          aria-label={t('movements.fields.status')}
          placeholder={t('movements.list.allStatuses')}
          allowClear
          value={status}
          onChange={(value?: CampaignStatus) => {
            setParam('status', value);
          }}
          options={STATUSES.map((value) => ({ value, label: t(`movements.status.${value}`) }))}
          style={{ minWidth: 180 }}
        />
        {can(query.data, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} style={{ marginInlineStart: 'auto' }}>
            {t('movements.list.new')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={query.error} />
      <Table
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        locale={{ emptyText: t('movements.list.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: query.data?.total ?? undefined,
          showSizeChanger: false,
          onChange: (next) => {
            setParam('page', next > 1 ? String(next) : undefined);
          },
        }}
        scroll={{ x: true }}
      />
    </Flex>
  );
}
