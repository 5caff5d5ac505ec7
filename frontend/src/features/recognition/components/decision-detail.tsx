import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useUnitName } from '@/lib/units';
import { downloadDecisionPdf, useDecision, useDecisionMutations, useMovement } from '../api/recognition';
import { ReasonModal } from './common';

/** A commendation decision: number, date, signer, awardees, its document as PDF, and revocation where allowed. */
export function DecisionDetailView({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const unitName = useUnitName();
  const decision = useDecision(decisionId);
  const { revoke } = useDecisionMutations();
  const [revoking, setRevoking] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const data = decision.data;
  const campaign = useMovement(data?.campaign_id ?? '');
  if (!data) return <ProblemAlert error={decision.error} />;
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={pdfError} />
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('recognition.decisions.number')}>{data.number}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.decisions.signedOn')}>{format.date(data.signed_on)}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.decisions.issuingBody')}>{data.issuing_body}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.decisions.signer')}>{`${data.signer_title} ${data.signer}`}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.award')}>{data.award_name}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.campaign')}>{campaign.data?.title ?? '…'}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.status')}>
            {data.status === 'issued' ? (
              <Tag color="success">{t('recognition.decisions.status.issued')}</Tag>
            ) : (
              <Tag color="error">{t('recognition.decisions.status.revoked')}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
        {data.revoked_reason && (
          <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
            {t('recognition.decisions.revokedBecause', { reason: data.revoked_reason, on: format.dateTime(data.revoked_at) })}
          </Typography.Paragraph>
        )}
      </Card>
      <Space wrap>
        <Button
          icon={<FilePdfOutlined />}
          onClick={() => {
            setPdfError(null);
            downloadDecisionPdf(data).catch(setPdfError);
          }}
        >
          {t('recognition.decisions.pdf')}
        </Button>
        {can(data, 'revoke') && (
          <Button danger onClick={() => { setRevoking(true); }}>
            {t('recognition.decisions.revoke')}
          </Button>
        )}
      </Space>
      <Card size="small" title={t('recognition.decisions.awardees')}>
        <Table
          rowKey={(awardee) => `${awardee.dossier_id}-${String(awardee.nominee_index)}`}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data.awardees}
          columns={[
            { title: t('recognition.subjectNameColumn'), dataIndex: 'subject_name' },
            { title: t('recognition.unit'), render: (_, awardee) => unitName(awardee.unit_code) },
          ]}
        />
      </Card>
      <ReasonModal
        title={revoking ? t('recognition.decisions.revokeTitle', { number: data.number }) : undefined}
        okText={t('recognition.decisions.revoke')}
        onSubmit={(reason) =>
          revoke.mutateAsync({ id: data.id, reason }).then(() => void message.success(t('recognition.decisions.revoked')))
        }
        onClose={() => {
          setRevoking(false);
        }}
      />
    </Flex>
  );
}
