import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { LearnerDetail } from '@/features/literacy/components/learner-detail';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';
import { useCurrentUser } from '@/lib/auth/use-session';
import { literacyPagesFor } from '../navigation';

/** A learner (`/literacy/learners/:learnerId`): the record, its correction and erasure, its training. */
export function LiteracyLearnerRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { learnerId = '' } = useParams();
  return (
    <section>
      <PageTitle title={t('literacy.learner.title')} />
      <LiteracyNav active="learners" visible={literacyPagesFor(user)} />
      <LearnerDetail learnerId={learnerId} />
    </section>
  );
}
