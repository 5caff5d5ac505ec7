import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { recognitionPath } from '@/config/paths';
import { useDecision } from '@/features/recognition/api/recognition';
import { DecisionDetailView } from '@/features/recognition/components/decision-detail';

/** A commendation decision (`/recognition/decisions/:decisionId`). */
export function DecisionRoute() {
  const { t } = useTranslation();
  const { decisionId = '' } = useParams();
  const decision = useDecision(decisionId);
  return (
    <section>
      <PageTitle title={decision.data ? t('recognition.decisions.titleOf', { number: decision.data.number }) : t('recognition.decisions.one')} />
      <Link to={recognitionPath('decisions')}>{t('recognition.decisions.back')}</Link>
      <div style={{ marginTop: 12 }}>
        <DecisionDetailView decisionId={decisionId} />
      </div>
    </section>
  );
}
