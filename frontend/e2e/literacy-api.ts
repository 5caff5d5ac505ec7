/**
 * Direct calls to the stack's API for the literacy browser tests' preparation (an
 * administrator's token, a commune of the seeded province, a learner's training records).
 */
import type { APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS } from './accounts';
import { expect } from './fixtures';

/** Đắk Lắk, the province of the demo seed. */
export const SEED_PROVINCE = '66';

export async function adminHeaders(request: APIRequestContext): Promise<Record<string, string>> {
  const { username, password } = DEMO_ACCOUNTS.admin;
  const response = await request.post('/api/campaign/v1/auth/token', {
    form: { grant_type: 'password', username, password },
  });
  expect(response.status(), await response.text()).toBe(200);
  const { access_token: token } = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

/** The first commune of the seeded province (a valid `commune_code` for imports). */
export async function seedCommuneCode(request: APIRequestContext, headers: Record<string, string>): Promise<string> {
  const response = await request.get(`/api/campaign/v1/localities/provinces/${SEED_PROVINCE}/communes`, { headers });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { code: string }[] };
  const code = items[0]?.code;
  expect(code).toBeDefined();
  return code ?? '';
}

/** The id of the learner with `nationalId` (looked up by the service's keyed hash). */
export async function learnerIdOf(
  request: APIRequestContext,
  headers: Record<string, string>,
  nationalId: string,
): Promise<string> {
  const response = await request.get('/api/literacy/v1/learners', { headers, params: { national_id: nationalId } });
  expect(response.status(), await response.text()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string }[] };
  expect(items).toHaveLength(1);
  return items[0]?.id ?? '';
}

export interface TrainingRecord {
  course_code: string;
  status: 'enrolled' | 'in_progress' | 'completed' | 'failed';
  progress?: number;
  completed_on?: string;
  enrolled_on?: string;
}

/** Creates or updates the learner's record for a course (one record per learner and course). */
export async function putRecord(
  request: APIRequestContext,
  headers: Record<string, string>,
  learnerId: string,
  record: TrainingRecord,
): Promise<void> {
  const response = await request.post('/api/literacy/v1/records', { headers, data: { learner_id: learnerId, ...record } });
  expect([200, 201], await response.text()).toContain(response.status());
}
