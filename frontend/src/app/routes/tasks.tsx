import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { TasksInbox } from '@/features/recognition/components/tasks-inbox';

/** The tasks inbox (`/tasks`): what waits on the signed-in official, across the platform. */
export function TasksRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('tasks.title')} />
      <TasksInbox />
    </section>
  );
}
