import { useParams } from 'react-router';
import { movementPath } from '@/config/paths';
import { EditCampaign } from '@/features/movements/components/campaign-editor';

export function MovementEditRoute() {
  const { campaignId = '' } = useParams();
  return <EditCampaign key={campaignId} campaignId={campaignId} detailPath={movementPath} />;
}
