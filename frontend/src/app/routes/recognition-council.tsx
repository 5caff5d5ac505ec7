import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { recognitionPath } from '@/config/paths';
import { useCouncil } from '@/features/recognition/api/recognition';
import { CouncilSessionView } from '@/features/recognition/components/council-session';

/** A council session (`/recognition/council/:sessionId`): votes, results, quota warnings, decisions. */
export function CouncilSessionRoute() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const session = useCouncil(sessionId);
  return (
    <section>
      <PageTitle title={session.data?.title ?? t('recognition.council.one')} />
      <Link to={recognitionPath('council')}>{t('recognition.council.back')}</Link>
      <div style={{ marginTop: 12 }}>
        <CouncilSessionView sessionId={sessionId} />
      </div>
    </section>
  );
}
