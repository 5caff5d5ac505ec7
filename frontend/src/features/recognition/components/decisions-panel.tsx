import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { decisionPath } from '@/config/paths';
import { useUnitName } from '@/lib/units';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { downloadDecisionPdf, useDecisionMutations, useDecisions } from '../api/recognition';
import type { DecisionOut } from '../api/recognition';
import { ReasonModal } from './common';
import { ReportFormsPanel } from './report-forms-panel';

/** Commendation decisions: number, date, signer, awardees, the document, and revocation where allowed. */
export function DecisionsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const unitName = useUnitName();
  const decisions = useDecisions();
  const { revoke } = useDecisionMutations();
  const [revoking, setRevoking] = useState<DecisionOut | undefined>();
  const [pdfError, setPdfError] = useState<unknown>(null);
  return (
    <Flex vertical gap="middle">
      {can(decisions.data, 'download_report_forms') && <ReportFormsPanel />}
      <ProblemAlert error={decisions.error ?? pdfError} />
      <Table<DecisionOut>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        loading={decisions.isLoading}
        dataSource={decisions.data?.items ?? []}
        expandable={{
          expandedRowRender: (decision) => (
            <Flex vertical gap="small">
              <ul style={{ margin: 0 }}>
                {decision.awardees.map((awardee) => (
                  <li key={`${awardee.dossier_id}-${String(awardee.nominee_index)}`}>
                    {awardee.subject_name} — {unitName(awardee.unit_code)}
                  </li>
                ))}
              </ul>
              {decision.revoked_reason && (
                <Typography.Text type="danger">
                  {t('recognition.decisions.revokedBecause', { reason: decision.revoked_reason, on: format.dateTime(decision.revoked_at) })}
                </Typography.Text>
              )}
            </Flex>
          ),
        }}
        columns={[
          { title: t('recognition.decisions.number'), render: (_, decision) => <Link to={decisionPath(decision.id)}>{decision.number}</Link> },
          { title: t('recognition.decisions.signedOn'), render: (_, decision) => format.date(decision.signed_on) },
          { title: t('recognition.decisions.signer'), render: (_, decision) => `${decision.signer_title} ${decision.signer}` },
          { title: t('recognition.award'), dataIndex: 'award_name' },
          { title: t('recognition.decisions.awardees'), render: (_, decision) => decision.awardees.length, align: 'right' },
          {
            title: t('recognition.status'),
            render: (_, decision) =>
              decision.status === 'issued' ? (
                <Tag color="success">{t('recognition.decisions.status.issued')}</Tag>
              ) : (
                <Tag color="error">{t('recognition.decisions.status.revoked')}</Tag>
              ),
          },
          {
            title: t('recognition.actions'),
            render: (_, decision) => (
              <Space wrap>
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  aria-label={t('recognition.decisions.pdfOf', { number: decision.number })}
                  onClick={() => {
                    setPdfError(null);
                    downloadDecisionPdf(decision).catch(setPdfError);
                  }}
                >
                  PDF
                </Button>
                {can(decision, 'revoke') && (
                  <Button size="small" danger onClick={() => { setRevoking(decision); }}>
                    {t('recognition.decisions.revoke')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        title={revoking ? t('recognition.decisions.revokeTitle', { number: revoking.number }) : undefined}
        okText={t('recognition.decisions.revoke')}
        onSubmit={(reason) =>
          revoke.mutateAsync({ id: revoking?.id ?? '', reason }).then(() => void message.success(t('recognition.decisions.revoked')))
        }
        onClose={() => {
          setRevoking(undefined);
        }}
      />
    </Flex>
  );
}
