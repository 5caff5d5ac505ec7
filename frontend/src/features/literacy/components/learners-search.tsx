import { App, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { learnerPath } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useLearners } from '../api/get-learners';
import { useCreateLearner } from '../api/learner';
import type { Learner, LearnerCategory, LearnerQuery } from '../api/get-learners';
import { CATEGORY_LABELS, GENDER_LABELS } from '../labels';
import { LearnerFormModal } from './learner-form';

const PAGE_SIZE = 20;

/**
 * Learners by name (diacritic-insensitive on the server) and category, a page at a time with
 * the API's opaque cursors: the cursors of the pages seen so far are kept to go back.
 */
export function LearnersSearch() {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const [filters, setFilters] = useState<Pick<LearnerQuery, 'q' | 'category'>>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const learners = useLearners({ ...filters, cursor, limit: PAGE_SIZE });
  const nextCursor = learners.data?.next_cursor ?? undefined;
  const create = useCreateLearner();
  const [registering, setRegistering] = useState(false);
  const { message } = App.useApp();
  const navigate = useNavigate();

  const search = (next: Pick<LearnerQuery, 'q' | 'category'>) => {
    setFilters(next);
    setCursors([undefined]);
  };

  const columns: TableColumnsType<Learner> = [
    { key: 'name', title: t('literacy.learners.name'), render: (_, row) => <Link to={learnerPath(row.id)}>{row.full_name ?? t('literacy.learners.erased')}</Link> },
    { key: 'id', title: t('literacy.learners.nationalId'), render: (_, row) => <span translate="no">{row.national_id_masked ?? '–'}</span> },
    { key: 'dob', title: t('literacy.learners.dateOfBirth'), render: (_, row) => date(row.date_of_birth) },
    { key: 'gender', title: t('literacy.learners.gender'), render: (_, row) => t(GENDER_LABELS[row.gender]) },
    { key: 'category', title: t('literacy.learners.category'), render: (_, row) => t(CATEGORY_LABELS[row.category]) },
    { key: 'commune', title: t('literacy.learners.commune'), dataIndex: 'commune_code' },
    { key: 'unit', title: t('literacy.learners.unit'), render: (_, row) => row.unit_code ?? '–' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form
        layout="inline"
        onFinish={(values: { q?: string; category?: LearnerCategory }) => {
          const q = values.q?.trim();
          search({ q: q === '' ? undefined : q, category: values.category });
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="q" label={t('literacy.learners.search')}>
          <Input allowClear placeholder={t('literacy.learners.searchPlaceholder')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="category" label={t('literacy.learners.category')}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('literacy.learners.anyCategory')}
            options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('literacy.learners.searchButton')}
          </Button>
        </Form.Item>
      </Form>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('literacy.learners.maskNote')}</Typography.Text>
        {can(learners.data, 'create') && (
          <Button type="primary" onClick={() => { setRegistering(true); }}>
            {t('literacy.learner.new')}
          </Button>
        )}
      </Space>
      <LearnerFormModal
        mode="create"
        open={registering}
        onClose={() => { setRegistering(false); }}
        onSubmit={async (body) => {
          const created = await create.mutateAsync(body);
          void message.success(t('literacy.learner.registered', { name: created.full_name ?? '' }));
          void navigate(learnerPath(created.id));
        }}
      />
      <ProblemAlert error={learners.error} />
      <Table<Learner>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={learners.data?.items ?? []}
        loading={learners.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('literacy.learners.none') }}
      />
      <Space>
        <Button
          disabled={cursors.length <= 1}
          onClick={() => { setCursors((seen) => seen.slice(0, -1)); }}
        >
          {t('literacy.learners.previous')}
        </Button>
        <Typography.Text aria-live="polite">{t('literacy.learners.page', { page: cursors.length })}</Typography.Text>
        <Button
          disabled={nextCursor === undefined || learners.isFetching}
          onClick={() => { setCursors((seen) => [...seen, nextCursor]); }}
        >
          {t('literacy.learners.next')}
        </Button>
      </Space>
    </Space>
  );
}
