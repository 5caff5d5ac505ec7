import { movementPath, paths } from '@/config/paths';
import { CreateCampaign } from '@/features/movements/components/campaign-editor';

export function MovementNewRoute() {
  return <CreateCampaign detailPath={movementPath} listPath={paths.movements} />;
}
