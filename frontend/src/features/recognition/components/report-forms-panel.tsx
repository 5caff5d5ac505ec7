import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Flex, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { REPORT_FORMS, downloadReportForm } from '../api/recognition';
import type { ReportForm } from '../api/recognition';

/** The annual statistical report forms 0601–0605 ("Báo cáo thống kê"): a year, one download per form.
 * Shown when campaign-api's decisions list offers `download_report_forms` (the province's emulation office). */
export function ReportFormsPanel() {
  const { t } = useTranslation();
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState<number>(lastYear);
  const [busy, setBusy] = useState<ReportForm | undefined>();
  const [error, setError] = useState<unknown>(null);
  const download = (form: ReportForm) => {
    setError(null);
    setBusy(form);
    downloadReportForm(form, year)
      .catch(setError)
      .finally(() => {
        setBusy(undefined);
      });
  };
  return (
    <Card size="small" title={t('recognition.forms.title')}>
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('recognition.forms.intro')}</Typography.Text>
        <Space wrap>
          <label htmlFor="report-forms-year">{t('recognition.forms.year')}</label>
          <InputNumber
            id="report-forms-year"
            min={2000}
            max={lastYear + 1}
            precision={0}
            value={year}
            onChange={(value) => {
              if (value !== null) setYear(value);
            }}
          />
        </Space>
        <ProblemAlert error={error} />
        <Flex wrap gap="small">
          {REPORT_FORMS.map((form) => (
            <Button
              key={form}
              icon={<FileExcelOutlined />}
              loading={busy === form}
              aria-label={t('recognition.forms.download', { code: form })}
              onClick={() => {
                download(form);
              }}
            >
              {form} — {t(`recognition.forms.names.${form}`)}
            </Button>
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}
