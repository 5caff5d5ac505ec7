import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { recognitionPath } from '@/config/paths';
import { RegistrationDetailView } from '@/features/recognition/components/registration-detail';

/** A unit's registration for emulation titles (`/recognition/registrations/:registrationId`). */
export function RegistrationRoute() {
  const { t } = useTranslation();
  const { registrationId = '' } = useParams();
  return (
    <section>
      <PageTitle title={t('recognition.registrations.one')} />
      <Link to={recognitionPath('registrations')}>{t('recognition.registrations.back')}</Link>
      <div style={{ marginTop: 12 }}>
        <RegistrationDetailView registrationId={registrationId} />
      </div>
    </section>
  );
}
