/** Direct calls to campaign-api for the browser tests' preparation. */
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
