import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { furtherAlong, importKeys, rememberJob } from '../get-imports';
import type { ImportJob } from '../get-imports';
import { importJob } from '../../__tests__/import-job';

const job = (overrides: Partial<ImportJob>): ImportJob => importJob({ id: 'job-1', ...overrides });

describe('one copy of an import job for the card and the list', () => {
  it('keeps the copy further along, whichever was read last', () => {
    const done = job({ status: 'succeeded', processed_rows: 4 });
    expect(furtherAlong(job({}), done)).toBe(done);
    expect(furtherAlong(done, job({ status: 'running', processed_rows: 2 }))).toBe(done);
    const more = job({ status: 'running', processed_rows: 3 });
    expect(furtherAlong(job({ status: 'running', processed_rows: 2 }), more)).toBe(more);
  });

  it("puts the card's finished job into the list that still said queued, and a stale read changes neither", () => {
    const client = new QueryClient();
    client.setQueryData(importKeys.list(), { items: [job({}), job({ id: 'job-2' })], total: 2, allowed_actions: [] });
    const done = job({ status: 'succeeded', processed_rows: 4, inserted: 4 });
    rememberJob(client, done);
    const list = client.getQueryData<{ items: ImportJob[] }>(importKeys.list());
    expect(list?.items.map((item) => item.status)).toEqual(['succeeded', 'queued']);
    // A list read begun before the job finished answers "queued": the card and the list stay "succeeded".
    expect(rememberJob(client, job({})).status).toBe('succeeded');
    expect(client.getQueryData<ImportJob>(importKeys.job('job-1'))?.status).toBe('succeeded');
    expect(client.getQueryData<{ items: ImportJob[] }>(importKeys.list())?.items[0]?.status).toBe('succeeded');
  });
});
