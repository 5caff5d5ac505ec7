import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  DownloadOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Alert, Button, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';
import type { ImportJob, ImportStatus } from '../api/get-imports';
import { importProgressPercent } from '../imports';

const STATUS_LOOK: Record<ImportStatus, { color: string; icon: ReactNode; label: ParseKeys }> = {
  queued: { color: 'default', icon: <ClockCircleOutlined />, label: 'literacy.imports.status.queued' },
  running: { color: 'processing', icon: <SyncOutlined spin />, label: 'literacy.imports.status.running' },
  succeeded: { color: 'success', icon: <CheckCircleOutlined />, label: 'literacy.imports.status.succeeded' },
  failed: { color: 'error', icon: <CloseCircleOutlined />, label: 'literacy.imports.status.failed' },
};

/** The job's status as a tag: colour, icon and word (never the colour alone). */
export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <Tag color={look.color} icon={look.icon}>
      {t(look.label)}
    </Tag>
  );
}

export interface ImportJobStatusProps {
  job: ImportJob;
  onDownloadErrors?: () => void;
  downloadingErrors?: boolean;
}

/** One import: status, a progress bar while it runs, then the counts, the failure, the error report. */
export function ImportJobStatus({ job, onDownloadErrors, downloadingErrors = false }: ImportJobStatusProps) {
  const { t } = useTranslation();
  const { number, dateTime } = useFormatters();
  const percent = importProgressPercent(job);
  const finished = job.status === 'succeeded' || job.status === 'failed';
  const rowsText =
    job.total_rows === null
      ? t('literacy.imports.rowsRead', { processed: number(job.processed_rows) })
      : t('literacy.imports.rowsOf', { processed: number(job.processed_rows), total: number(job.total_rows) });

  const counts: { key: string; label: ParseKeys; value: number }[] = [
    { key: 'inserted', label: 'literacy.imports.counts.inserted', value: job.inserted },
    { key: 'updated', label: 'literacy.imports.counts.updated', value: job.updated },
    { key: 'unchanged', label: 'literacy.imports.counts.unchanged', value: job.unchanged },
    { key: 'rejected', label: 'literacy.imports.counts.rejected', value: job.rejected },
    { key: 'duplicates', label: 'literacy.imports.counts.duplicates', value: job.duplicates },
    { key: 'certificates', label: 'literacy.imports.counts.certificates', value: job.certificates_issued },
  ];

  return (
    <section aria-labelledby={`import-${job.id}-title`}>
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} id={`import-${job.id}-title`} style={{ margin: 0 }}>
          {job.filename}
        </Typography.Title>
        <ImportStatusTag status={job.status} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('literacy.imports.submittedAt', { when: dateTime(job.created_at) })}
      </Typography.Paragraph>

      {!finished && (
        <div>
          <Progress
            percent={percent ?? 0}
            status={percent === null ? 'active' : 'normal'}
            aria-label={t('literacy.imports.progressLabel')}
          />
          <Typography.Text>{rowsText}</Typography.Text>
        </div>
      )}

      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBlock: 8 }}
          title={t('literacy.imports.failedTitle')}
          description={job.failure ?? t('literacy.imports.failedNoReason')}
        />
      )}

      {job.status === 'succeeded' && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, md: 3 }}
          style={{ marginBlock: 8 }}
          title={t('literacy.imports.countsTitle', { total: number(job.total_rows ?? job.processed_rows) })}
          items={counts.map((count) => ({
            key: count.key,
            label: t(count.label),
            children: <span data-testid={`import-count-${count.key}`}>{number(count.value)}</span>,
          }))}
        />
      )}

      {finished && job.rejected > 0 && onDownloadErrors && (
        <Button icon={<DownloadOutlined />} onClick={onDownloadErrors} loading={downloadingErrors}>
          {t('literacy.imports.downloadErrors', { count: job.rejected })}
        </Button>
      )}
    </section>
  );
}
