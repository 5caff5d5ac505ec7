import { Alert, App, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useCampaign } from '../api/get-campaign';
import { useCampaigns } from '../api/get-campaigns';
import { useCampaignMutations, useCreateCampaign } from '../api/mutate-campaign';
import { CampaignForm } from './campaign-form';

/**
 * The "new movement" page: created as a draft, then shown on its detail page. The form shows when
 * the movements list allows `create`.
 */
export function CreateCampaign({ detailPath, listPath }: { detailPath: (id: string) => string; listPath: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useCampaigns({ limit: 1 });
  const create = useCreateCampaign();
  if (list.isPending) return <PageLoader />;
  if (!can(list.data, 'create')) {
    return (
      <section>
        <PageTitle title={t('movements.form.newTitle')} />
        <ProblemAlert error={list.error} />
        {!list.isError && <Alert type="info" showIcon title={t('movements.form.cannotCreate')} />}
        <Link to={listPath}>{t('movements.detail.backToList')}</Link>
      </section>
    );
  }
  return (
    <Flex vertical>
      <PageTitle title={t('movements.form.newTitle')} />
      <CampaignForm
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

/** The "edit movement" page: the form shows when the movement allows `edit`. */
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
        <ProblemAlert error={campaign.error} messages={{ 404: t('movements.detail.notFound') }} />
      </section>
    );
  }
  if (!can(campaign.data, 'edit')) {
    return (
      <section>
        <PageTitle title={t('movements.form.editTitle')} />
        <Alert type="info" showIcon title={t('movements.form.cannotEdit')} />
        <Link to={detailPath(campaignId)}>{campaign.data.title}</Link>
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
