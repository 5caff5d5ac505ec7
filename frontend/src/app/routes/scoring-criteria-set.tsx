import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { useCriteriaSet } from '@/features/scoring/api/get-criteria-sets';
import { CriteriaSetEditor } from '@/features/scoring/components/criteria-set-editor';

/** A criteria set (`/scoring/criteria-sets/:setId`), or a new one (`…/new`). */
export function CriteriaSetRoute() {
  const { t } = useTranslation();
  const { setId } = useParams();
  const isNew = setId === 'new';
  const query = useCriteriaSet(isNew ? undefined : setId);
  const back = <Link to={`${paths.scoring}?tab=sets`}>{t('scoring.sets.back')}</Link>;
  if (isNew) {
    return (
      <section>
        <PageTitle title={t('scoring.sets.newTitle')} />
        {back}
        <CriteriaSetEditor />
      </section>
    );
  }
  return (
    <section>
      <PageTitle title={query.data?.criteriaSet.name ?? t('scoring.sets.title')} />
      {back}
      <ProblemAlert error={query.error} />
      {query.isPending && <Spin />}
      {query.data && (
        <CriteriaSetEditor
          key={query.data.etag ?? query.data.criteriaSet.id}
          criteriaSet={query.data.criteriaSet}
          etag={query.data.etag}
        />
      )}
    </section>
  );
}
