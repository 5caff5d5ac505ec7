import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { recognitionPath } from '@/config/paths';
import { CampaignPicker } from '@/features/recognition/components/common';
import { CouncilPanel } from '@/features/recognition/components/council-panel';
import { DecisionsPanel } from '@/features/recognition/components/decisions-panel';
import { DossiersPanel } from '@/features/recognition/components/dossiers-panel';
import { RegistrationsPanel } from '@/features/recognition/components/registrations-panel';

const SECTIONS = ['registrations', 'dossiers', 'council', 'decisions'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (value: string | undefined): value is Section => SECTIONS.some((section) => section === value);

/** Emulation and commendation (`/recognition/:section`): registrations, dossiers, the council, decisions, report forms. */
export function RecognitionRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { section } = useParams();
  const [params, setParams] = useSearchParams();
  const active: Section = isSection(section) ? section : 'dossiers';
  const campaignId = params.get('campaign') ?? undefined;
  const setCampaign = (id: string | undefined) => {
    setParams(id ? { campaign: id } : {}, { replace: true });
  };
  return (
    <section>
      <PageTitle title={t('recognition.title')} />
      <Tabs
        activeKey={active}
        onChange={(next) => {
          void navigate({ pathname: recognitionPath(next), search: params.toString() });
        }}
        items={SECTIONS.map((key) => ({
          key,
          label: t(`recognition.sections.${key}`),
          children:
            key !== active ? null : key === 'registrations' ? (
              <>
                <div style={{ marginBottom: 12 }}>
                  <CampaignPicker value={campaignId} onChange={setCampaign} />
                </div>
                {campaignId && <RegistrationsPanel campaignId={campaignId} />}
              </>
            ) : key === 'dossiers' ? (
              <DossiersPanel campaignId={campaignId} onCampaign={setCampaign} />
            ) : key === 'council' ? (
              <CouncilPanel />
            ) : (
              <DecisionsPanel />
            ),
        }))}
      />
    </section>
  );
}
