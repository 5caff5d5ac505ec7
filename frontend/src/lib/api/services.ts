/**
 * The three services' typed clients, signed in with the current session.
 * Features call these in their `api/<verb>-<noun>.ts` fetchers:
 *
 *   const campaign = await unwrap(campaignApi.GET('/v1/campaigns/{campaign_id}', { params: { path: { campaign_id: id } }, signal }));
 */
import { authMiddleware } from '@/lib/auth/session';
import { createServiceClient } from './client';
import type { components as CampaignComponents, paths as CampaignPaths } from './schema/campaign';
import type { components as LiteracyComponents, paths as LiteracyPaths } from './schema/literacy';
import type { components as ScoringComponents, paths as ScoringPaths } from './schema/scoring';

export { unwrap } from './client';

export const campaignApi = createServiceClient<CampaignPaths>('campaign', [authMiddleware]);
export const scoringApi = createServiceClient<ScoringPaths>('scoring', [authMiddleware]);
export const literacyApi = createServiceClient<LiteracyPaths>('literacy', [authMiddleware]);

/** Schema models by name, e.g. `CampaignSchemas['CampaignOut']`. */
export type CampaignSchemas = CampaignComponents['schemas'];
export type ScoringSchemas = ScoringComponents['schemas'];
export type LiteracySchemas = LiteracyComponents['schemas'];
