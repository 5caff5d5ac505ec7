/**
 * Direct calls to campaign-api for the browser tests' preparation: a POST that must succeed, and a
 * movement of the test's own (so a test never depends on, nor changes, what another test uses).
 */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** POSTs `data` to campaign-api's `url` (e.g. "/v1/campaigns") and returns the answer, which must be 200 or 201. */
export async function campaignPost(
  request: APIRequestContext,
  headers: Record<string, string>,
  url: string,
  data: object,
): Promise<Record<string, string>> {
  const response = await request.post(`/api/campaign${url}`, { headers, data });
  expect([200, 201], `${url}: ${await response.text()}`).toContain(response.status());
  return (await response.json()) as Record<string, string>;
}

export interface Movement {
  id: string;
  title: string;
}

/**
 * A province-level movement organised by the province (66) with `unitCodes` taking part, launched
 * (active) unless `launch` is false. Its code and title carry this run's stamp.
 */
export async function createMovement(
  request: APIRequestContext,
  headers: Record<string, string>,
  { name, unitCodes, launch = true }: { name: string; unitCodes: readonly string[]; launch?: boolean },
): Promise<Movement> {
  const stamp = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 100)}`;
  const title = `${name} ${stamp}`;
  const campaign = await campaignPost(request, headers, '/v1/campaigns', {
    code: `E2E-${stamp}`,
    title,
    starts_on: '2025-01-01',
    ends_on: '2030-12-31',
    level: 'province',
    organizer_unit_code: '66',
  });
  const id = campaign.id ?? '';
  await campaignPost(request, headers, `/v1/campaigns/${id}/participants`, { unit_codes: unitCodes });
  if (launch) await campaignPost(request, headers, `/v1/campaigns/${id}/launch`, {});
  return { id, title };
}
