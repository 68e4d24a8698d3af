import { ApiError, toApiError } from '../../lib/api';
import type { Consent } from './types';

/** The server's upload limit (413 beyond it); checked here too so a large scan is not sent in vain. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * MT-10: PUT the scan of the signed form as the raw body (the shared client only sends JSON). The
 * file name is URI-encoded: a header cannot carry other characters than Latin-1.
 */
export async function uploadConsentDocument(consentId: string, file: File): Promise<Consent> {
  if (file.size > MAX_UPLOAD_BYTES)
    throw new ApiError(413, 'The file is larger than 10 MB. Scan it at a lower resolution.');
  let res: Response;
  try {
    res = await fetch(`/api/consents/${consentId}/document`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'Portico could not be reached. Check your connection and try again.');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as Consent;
}
