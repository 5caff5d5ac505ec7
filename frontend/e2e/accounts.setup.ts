import type { APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_LEARNER } from './accounts';
import type { DemoRole } from './accounts';
import { expect, test as setup } from './fixtures';

/**
 * Runs once before the browser tests: signs in as the administrator through the API and
 * creates one account per role (and the learner's training record plus sign-up), so that
 * `loginAs(role)` works. Idempotent: an account that exists already (409) is kept.
 */
async function adminToken(request: APIRequestContext): Promise<string> {
  const { username, password } = DEMO_ACCOUNTS.admin;
  const response = await request.post('/api/campaign/v1/auth/token', {
    form: { grant_type: 'password', username, password },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

function expectCreated(status: number, body: string): void {
  expect([201, 409], body).toContain(status);
}

setup('create one account per role', async ({ request }) => {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };

  const officials: DemoRole[] = ['manager', 'evaluator', 'council', 'viewer'];
  for (const role of officials) {
    const account = DEMO_ACCOUNTS[role];
    const response = await request.post('/api/campaign/v1/accounts', {
      headers,
      data: {
        username: account.username,
        password: account.password,
        full_name: account.fullName,
        roles: [role],
        unit_codes: account.unitCodes,
      },
    });
    expectCreated(response.status(), await response.text());
  }

  // A learner signs up against their record in digital-literacy-api, then signs in with the national ID.
  const communes = await request.get('/api/campaign/v1/localities/provinces/66/communes', { headers });
  expect(communes.status()).toBe(200);
  const { items } = (await communes.json()) as { items: { code: string }[] };
  const learner = DEMO_ACCOUNTS.learner;
  const created = await request.post('/api/literacy/v1/learners', {
    headers,
    data: {
      national_id: learner.username,
      full_name: learner.fullName,
      date_of_birth: DEMO_LEARNER.dateOfBirth,
      gender: DEMO_LEARNER.gender,
      category: DEMO_LEARNER.category,
      commune_code: items[0]?.code,
    },
  });
  expectCreated(created.status(), await created.text());
  const signUp = await request.post('/api/campaign/v1/auth/signup', {
    data: { national_id: learner.username, date_of_birth: DEMO_LEARNER.dateOfBirth, password: learner.password },
  });
  expectCreated(signUp.status(), await signUp.text());
});
