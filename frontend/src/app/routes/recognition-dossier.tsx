import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { recognitionPath } from '@/config/paths';
import { useDossier } from '@/features/recognition/api/recognition';
import { DossierDetailView } from '@/features/recognition/components/dossier-detail';

/** A commendation dossier (`/recognition/dossiers/:dossierId`). */
export function DossierRoute() {
  const { t } = useTranslation();
  const { dossierId = '' } = useParams();
  const dossier = useDossier(dossierId);
  return (
    <section>
      <PageTitle title={dossier.data?.title ?? t('recognition.dossiers.one')} />
      <Link to={recognitionPath('dossiers')}>{t('recognition.dossiers.back')}</Link>
      <div style={{ marginTop: 12 }}>
        <DossierDetailView dossierId={dossierId} />
      </div>
    </section>
  );
}
