import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useDownloadImportErrors, useDownloadImportTemplate } from '../api/download-import-files';
import { useImport, useImports } from '../api/get-imports';
import type { ImportJob } from '../api/get-imports';
import { usePostImport } from '../api/post-import';
import { ImportJobStatus, ImportStatusTag } from './import-job-status';

const ACCEPTED = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The import page's content: template, upload, the chosen job's progress and counts, recent imports.
 * The upload shows when the imports list allows `create`, a job's error report when it allows `read_errors`.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const [jobId, setJobId] = useState<string>();
  const upload = usePostImport();
  const job = useImport(jobId);
  const jobs = useImports();
  const template = useDownloadImportTemplate();
  const errors = useDownloadImportErrors();

  const columns: TableColumnsType<ImportJob> = [
    { key: 'filename', title: t('literacy.imports.table.file'), dataIndex: 'filename', ellipsis: true },
    { key: 'created', title: t('literacy.imports.table.submitted'), render: (_, row) => dateTime(row.created_at) },
    { key: 'status', title: t('literacy.imports.table.status'), render: (_, row) => <ImportStatusTag status={row.status} /> },
    { key: 'rows', title: t('literacy.imports.table.rows'), align: 'right', render: (_, row) => number(row.total_rows) },
    { key: 'inserted', title: t('literacy.imports.counts.inserted'), align: 'right', render: (_, row) => number(row.inserted) },
    { key: 'updated', title: t('literacy.imports.counts.updated'), align: 'right', render: (_, row) => number(row.updated) },
    { key: 'rejected', title: t('literacy.imports.counts.rejected'), align: 'right', render: (_, row) => number(row.rejected) },
    {
      key: 'open',
      title: <span className="visually-hidden">{t('literacy.imports.table.actions')}</span>,
      render: (_, row) => (
        <Button type="link" onClick={() => { setJobId(row.id); }} aria-label={t('literacy.imports.table.openNamed', { name: row.filename })}>
          {t('literacy.imports.table.open')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('literacy.imports.uploadTitle')}</Typography.Title>}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => { template.mutate(); }} loading={template.isPending}>
            {t('literacy.imports.template')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('literacy.imports.help')}</Typography.Paragraph>
        <ProblemAlert error={template.error} />
        {can(jobs.data, 'create') && (
          <Upload.Dragger
            accept={ACCEPTED}
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              upload.mutate(file, { onSuccess: (created) => { setJobId(created.id); } });
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('literacy.imports.drop')}</p>
            <p className="ant-upload-hint">{t('literacy.imports.dropHint')}</p>
          </Upload.Dragger>
        )}
        <ProblemAlert error={upload.error} messages={{ 413: t('literacy.imports.tooLarge') }} />
      </Card>

      {jobId !== undefined && (
        <Card aria-live="polite">
          <ProblemAlert error={job.error} />
          {job.data && (
            <ImportJobStatus
              job={job.data}
              onDownloadErrors={can(job.data, 'read_errors') ? () => { errors.mutate(job.data.id); } : undefined}
              downloadingErrors={errors.isPending}
            />
          )}
          <ProblemAlert error={errors.error} />
        </Card>
      )}

      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('literacy.imports.recent')}</Typography.Title>}>
        <ProblemAlert error={jobs.error} />
        <Table<ImportJob>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('literacy.imports.none') }}
        />
      </Card>
    </Space>
  );
}
