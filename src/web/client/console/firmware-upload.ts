import type { components } from "../../../api-types.gen";
import { ApiError, authHeaders, BOOKMARK_HEADER, noteBookmark, problemDetail, unauthorized } from "../api";

export type FirmwareUpload = components["schemas"]["FirmwareUpload"];

/**
 * Sends a firmware ZIP as the raw body of POST /api/device-models/{model}/firmware.
 * XMLHttpRequest because fetch reports no upload progress; a refused ZIP
 * rejects with the worker's problem detail as it wrote it.
 */
export function uploadFirmwareZip(model: string, file: File, onProgress: (fraction: number) => void): Promise<FirmwareUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/device-models/${encodeURIComponent(model)}/firmware`);
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Content-Type", "application/zip");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = async () => {
      noteBookmark(xhr.getResponseHeader(BOOKMARK_HEADER));
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as FirmwareUpload);
      else reject(unauthorized(await problemDetail(xhr.status, xhr.responseText)));
    };
    xhr.onerror = () => reject(new ApiError(0, "The connection failed while sending the ZIP."));
    xhr.send(file);
  });
}
