import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { recognitionPath } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useBuildDossiers, useMovement } from '../api/recognition';

/** On a round's proposals: one draft dossier per proposing unit, for the movement's organiser (`build_dossiers`). */
export function BuildDossiers({ roundId, campaignId }: { roundId: string; campaignId: string }) {
  const { t } = useTranslation();
  const campaign = useMovement(campaignId);
  const build = useBuildDossiers();
  if (!can(campaign.data, 'build_dossiers')) return null;
  return (
    <Flex vertical gap="small" style={{ marginBottom: 12 }}>
      <ProblemAlert error={build.error} />
      <div>
        <Button
          type="primary"
          icon={<FileAddOutlined />}
          loading={build.isPending}
          onClick={() => {
            build.mutate(roundId);
          }}
        >
          {t('recognition.dossiers.build')}
        </Button>
      </div>
      {build.data && (
        <Alert
          type="success"
          showIcon
          title={t('recognition.dossiers.built', { created: build.data.created, existing: build.data.existing })}
          action={<Link to={`${recognitionPath('dossiers')}?campaign=${encodeURIComponent(campaignId)}`}>{t('recognition.dossiers.open')}</Link>}
        />
      )}
    </Flex>
  );
}
