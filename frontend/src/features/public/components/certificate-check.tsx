import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/ui/page-loader';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { isApiProblem } from '@/lib/api-client';
import { useFormatters } from '@/lib/format';
import { useCertificate } from '../api/sign-up';

/** What the certificate's QR code opens: valid or revoked, the course, the masked name, the issue date. */
export function CertificateCheck({ code }: { code: string }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const certificate = useCertificate(code);

  if (certificate.isPending) return <PageLoader />;
  if (certificate.isError) {
    const unknown = isApiProblem(certificate.error) && (certificate.error.status === 404 || certificate.error.status === 422);
    return unknown ? (
      <Result
        status="warning"
        title={<h2 style={{ fontSize: 20, margin: 0 }}>{t('verify.unknown')}</h2>}
        subTitle={t('verify.unknownHelp', { code })}
      />
    ) : (
      <ProblemAlert error={certificate.error} />
    );
  }
  const found = certificate.data;
  return (
    <>
      <Result
        icon={found.valid ? <CheckCircleFilled style={{ color: '#237804' }} aria-hidden /> : <CloseCircleFilled style={{ color: '#a8071a' }} aria-hidden />}
        title={<h2 style={{ fontSize: 20, margin: 0 }}>{found.valid ? t('verify.valid') : t('verify.revoked')}</h2>}
        subTitle={found.valid ? t('verify.validHelp') : t('verify.revokedHelp')}
      />
      <Descriptions bordered column={1} size="middle">
        <Descriptions.Item label={t('verify.code')}>
          <span translate="no">{found.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.learner')}>{found.learner_name_masked}</Descriptions.Item>
        <Descriptions.Item label={t('verify.course')}>{found.course_title}</Descriptions.Item>
        <Descriptions.Item label={t('verify.issuedOn')}>{date(found.issued_on)}</Descriptions.Item>
        <Descriptions.Item label={t('verify.state')}>{found.valid ? t('verify.stateValid') : t('verify.stateRevoked')}</Descriptions.Item>
      </Descriptions>
    </>
  );
}
