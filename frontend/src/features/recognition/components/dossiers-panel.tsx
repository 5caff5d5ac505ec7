import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { dossierPath } from '@/config/paths';
import { useUnitName } from '@/lib/units';
import { useFormatters } from '@/lib/format';
import { useDossiers, useOwnUnits } from '../api/recognition';
import type { DossierOut, DossierStatus } from '../api/recognition';
import { CampaignPicker, DossierStatusTag } from './common';
import { DossierFormModal } from './dossier-form';

const DOSSIER_STATUSES: DossierStatus[] = ['draft', 'submitted', 'received', 'in_review', 'council', 'approved', 'returned', 'ineligible'];

/** "New dossier", for those who file for a unit taking part in the movement. */
function NewDossierButton({ campaignId, onClick }: { campaignId: string; onClick: () => void }) {
  const { t } = useTranslation();
  if (useOwnUnits(campaignId).length === 0) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
      {t('recognition.dossiers.new')}
    </Button>
  );
}

/** Commendation dossiers the user reads, by movement and state; each opens its page. */
export function DossiersPanel({ campaignId, onCampaign }: { campaignId: string | undefined; onCampaign: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unitName = useUnitName();
  const [status, setStatus] = useState<DossierStatus | undefined>();
  const dossiers = useDossiers(campaignId, status);
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap="middle">
      <Flex gap="small" wrap>
        <CampaignPicker value={campaignId} onChange={onCampaign} allowClear />
        <Select
          aria-label={t('recognition.status')}
          placeholder={t('recognition.allStatuses')}
          allowClear
          value={status}
          style={{ minWidth: 180 }}
          options={DOSSIER_STATUSES.map((value) => ({ value, label: t(`recognition.dossierStatus.${value}`) }))}
          onChange={(value: DossierStatus | undefined) => {
            setStatus(value);
          }}
        />
        {campaignId && <NewDossierButton campaignId={campaignId} onClick={() => { setCreating(true); }} />}
      </Flex>
      {creating && campaignId ? <DossierFormModal campaignId={campaignId} onClose={() => { setCreating(false); }} /> : null}
      <ProblemAlert error={dossiers.error} />
      <Table<DossierOut>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={dossiers.isLoading}
        pagination={false}
        dataSource={dossiers.data?.items ?? []}
        columns={[
          { title: t('recognition.dossiers.title'), render: (_, dossier) => <Link to={dossierPath(dossier.id)}>{dossier.title}</Link> },
          { title: t('recognition.unit'), render: (_, dossier) => unitName(dossier.unit_code) },
          { title: t('recognition.dossiers.nominees'), render: (_, dossier) => dossier.nominees.length, align: 'right' },
          { title: t('recognition.status'), render: (_, dossier) => <DossierStatusTag status={dossier.status} /> },
          { title: t('recognition.dossiers.assignee'), render: (_, dossier) => dossier.assignee_name ?? '—' },
          { title: t('recognition.dossiers.updated'), render: (_, dossier) => format.dateTime(dossier.updated_at) },
        ]}
      />
    </Flex>
  );
}
