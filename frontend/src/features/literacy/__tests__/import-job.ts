/** An import job as the API sends it, queued and empty unless told otherwise (for the literacy tests). */
import type { ImportJob } from '../api/get-imports';

export function importJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: '6f1c0a4e-1111-4c8e-9a51-000000000002',
    status: 'queued',
    filename: 'xa-hoa-phu.csv',
    size_bytes: 120,
    total_rows: null,
    processed_rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    duplicates: 0,
    certificates_issued: 0,
    failure: null,
    submitted_by: 'admin',
    created_at: '2025-09-30T07:05:00+07:00',
    started_at: null,
    finished_at: null,
    allowed_actions: [],
    ...overrides,
  };
}
