import { useMutation } from '@tanstack/react-query';
import { campaignApi, unwrap } from '@/lib/api/services';
import { saveBlob } from '@/lib/save-blob';

/** The participants sheet (xlsx), fetched with the bearer token and saved through a blob URL. */
export async function downloadParticipantsSheet(campaignId: string, fileName: string): Promise<void> {
  const blob = await unwrap(
    campaignApi.GET('/v1/campaigns/{campaign_id}/participants.xlsx', {
      params: { path: { campaign_id: campaignId } },
      parseAs: 'blob',
    }),
  );
  saveBlob(blob, fileName);
}

export const useDownloadParticipants = (campaignId: string) =>
  useMutation({ mutationFn: (fileName: string) => downloadParticipantsSheet(campaignId, fileName) });
