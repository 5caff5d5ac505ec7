import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDownloadMyData } from '../api/export-my-data';

/** Everything the literacy service holds about the learner, downloaded by the learner themself. */
export function MyDataCard() {
  const { t } = useTranslation();
  const download = useDownloadMyData();
  return (
    <Card size="small" title={t('me.data.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('me.data.explain')}</Typography.Paragraph>
      <ProblemAlert error={download.error} />
      <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => { download.mutate(); }}>
        {t('me.data.download')}
      </Button>
    </Card>
  );
}
