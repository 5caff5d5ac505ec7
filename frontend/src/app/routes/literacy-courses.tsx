import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { CoursesAndClasses } from '@/features/literacy/components/courses-and-classes';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';

export function LiteracyCoursesRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('literacy.courses.pageTitle')} />
      <LiteracyNav active="courses" />
      <CoursesAndClasses />
    </section>
  );
}
