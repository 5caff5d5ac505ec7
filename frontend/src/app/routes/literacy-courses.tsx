import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { CoursesAndClasses } from '@/features/literacy/components/courses-and-classes';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';
import { useCurrentUser } from '@/lib/auth/use-session';
import { literacyPagesFor } from '../navigation';

export function LiteracyCoursesRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section>
      <PageTitle title={t('literacy.courses.pageTitle')} />
      <LiteracyNav active="courses" visible={literacyPagesFor(user)} />
      <CoursesAndClasses />
    </section>
  );
}
