import { App, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasAnyRole } from '@/lib/auth/roles';
import { useCurrentUser } from '@/lib/auth/use-session';
import { useCampaign } from '../api/get-campaign';
import { useCampaignMutations, useCreateCampaign } from '../api/mutate-campaign';
import { CampaignForm } from './campaign-form';

/** The "new movement" page: created as a draft, then shown on its detail page. */
export function CreateCampaign({ detailPath, listPath }: { detailPath: (id: string) => string; listPath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const create = useCreateCampaign();
  return (
    <Flex vertical>
      <PageTitle title={t('movements.form.newTitle')} />
      <CampaignForm
        organizerCodes={hasAnyRole(user, ['admin']) ? undefined : user.unit_codes}
        submitting={create.isPending}
        onCreate={async (body) => {
          const campaign = await create.mutateAsync(body);
          void message.success(t('movements.form.created'));
          await navigate(detailPath(campaign.id));
        }}
        onCancel={() => void navigate(listPath)}
      />
    </Flex>
  );
}

/** The "edit movement" page. */
export function EditCampaign({ campaignId, detailPath }: { campaignId: string; detailPath: (id: string) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const campaign = useCampaign(campaignId);
  const { update } = useCampaignMutations(campaignId);
  if (campaign.isPending) return <PageLoader />;
  if (campaign.isError) {
    return (
      <section>
        <PageTitle title={t('movements.form.editTitle')} />
        <ProblemAlert error={campaign.error} />
      </section>
    );
  }
  return (
    <Flex vertical>
      <PageTitle title={t('movements.form.editTitle')} extra={<Link to={detailPath(campaignId)}>{campaign.data.title}</Link>} />
      <CampaignForm
        campaign={campaign.data}
        submitting={update.isPending}
        onUpdate={async (body) => {
          await update.mutateAsync(body);
          void message.success(t('movements.form.saved'));
          await navigate(detailPath(campaignId));
        }}
        onCancel={() => void navigate(detailPath(campaignId))}
      />
    </Flex>
  );
}
