import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/lib/format';
import { useProposals } from '../api/get-round-results';
import { ProvisionalTag } from './status-tag';

/** Subjects proposed for commendation per cluster and band, with the quota's moves listed. */
export function ProposalsView({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const proposals = useProposals(roundId);
  const share = proposals.data?.top_band_max_share;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={proposals.error} />
      <Typography.Paragraph>
        {share ? t('scoring.proposals.quota', { share: format.percent(share) }) : t('scoring.proposals.noQuota')}
      </Typography.Paragraph>
      {proposals.data?.clusters.map((cluster) => (
        <Card key={cluster.cluster ?? ''} title={cluster.cluster ?? t('scoring.ranking.noCluster')} size="small">
          {cluster.adjustments.length > 0 && (
            <Alert
              type="warning"
              showIcon
              icon={<WarningOutlined />}
              style={{ marginBottom: 12 }}
              title={t('scoring.proposals.violations', { n: cluster.adjustments.length })}
              description={
                <ul style={{ margin: 0 }}>
                  {cluster.adjustments.map((adjustment) => (
                    <li key={adjustment.scorecard_id}>
                      {t('scoring.proposals.moved', {
                        subject: adjustment.subject_name,
                        from: adjustment.from_band,
                        to: adjustment.to_band ?? t('scoring.ranking.noBand'),
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {cluster.bands.map((band) => (
            <List
              key={band.label}
              size="small"
              header={<Typography.Text strong>{t('scoring.proposals.bandHeader', { band: band.label, n: band.subjects.length })}</Typography.Text>}
              dataSource={band.subjects}
              locale={{ emptyText: t('scoring.proposals.none') }}
              renderItem={(subject) => (
                <List.Item>
                  <Space wrap>
                    <span>{t('scoring.proposals.subject', { rank: subject.rank, name: subject.subject_name, total: format.number(subject.total) })}</span>
                    <ProvisionalTag provisional={subject.provisional} />
                  </Space>
                </List.Item>
              )}
            />
          ))}
          {cluster.unbanded.length > 0 && (
            <Typography.Paragraph type="secondary">
              {t('scoring.proposals.unbanded', { names: cluster.unbanded.map((subject) => subject.subject_name).join(', ') })}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Space>
  );
}
