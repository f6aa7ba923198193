import type { components } from "../../../api-types.gen";
import { sendBytes } from "../api";

export type FirmwareUpload = components["schemas"]["FirmwareUpload"];

/**
 * Sends a firmware ZIP as the raw body of POST /api/device-models/{model}/firmware,
 * with upload progress; a refused ZIP rejects with the worker's problem detail as it wrote it.
 */
export function uploadFirmwareZip(model: string, file: File, onProgress: (fraction: number) => void): Promise<FirmwareUpload> {
  return sendBytes<FirmwareUpload>(
    "POST",
    `/api/device-models/${encodeURIComponent(model)}/firmware`,
    file,
    { "Content-Type": "application/zip" },
    (loaded) => {
      if (file.size > 0) onProgress(loaded / file.size);
    },
  );
}
