import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { CertificateCheck } from '@/features/public/components/certificate-check';

/** Public: what a certificate's QR code opens (/verify/<code>). */
export function VerifyRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <Card style={{ maxWidth: 640, marginInline: 'auto' }}>
      <PageTitle title={t('verify.title')} />
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      <CertificateCheck code={code} />
    </Card>
  );
}
