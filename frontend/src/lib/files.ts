/**
 * campaign-api's files (`POST /v1/files`, `GET /v1/files/{id}`): uploaded first, then attached to a
 * dossier, a report, a plan or an initiative by listing their ids in its `file_ids`. The server reads
 * each file's type from its bytes and serves a file only to whoever may read what it is attached to.
 */
import { campaignApi, unwrap } from '@/lib/api/services';
import type { CampaignSchemas } from '@/lib/api/services';
import { saveBlob } from '@/lib/save-blob';

export type StoredFile = CampaignSchemas['FileOut'];
/** A file as the object it is attached to lists it. */
export type AttachedFile = CampaignSchemas['AttachedFile'];

/** What the file picker offers (the server decides from the bytes). */
export const ACCEPTED_FILES = '.pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg';

export async function uploadFile(file: File): Promise<StoredFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return unwrap(
    campaignApi.POST('/v1/files', {
      // The generated type says `string` for a binary part; a FormData body goes out as multipart.
      body: body as unknown as { file: string },
      bodySerializer: (form) => form as unknown as FormData,
    }),
  );
}

export async function downloadFile(id: string, fileName: string): Promise<void> {
  const blob = await unwrap(campaignApi.GET('/v1/files/{file_id}', { params: { path: { file_id: id } }, parseAs: 'blob' }));
  saveBlob(blob, fileName);
}

/** The ids to send as `file_ids`. */
export const fileIds = (files: readonly AttachedFile[] | undefined): string[] => (files ?? []).map((file) => file.id);
