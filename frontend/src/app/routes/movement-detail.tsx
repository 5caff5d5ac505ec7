import { useParams } from 'react-router';
import { movementEditPath, paths } from '@/config/paths';
import { CampaignDetail } from '@/features/movements/components/campaign-detail';

export function MovementDetailRoute() {
  const { campaignId = '' } = useParams();
  return <CampaignDetail key={campaignId} campaignId={campaignId} editPath={movementEditPath} listPath={paths.movements} />;
}
