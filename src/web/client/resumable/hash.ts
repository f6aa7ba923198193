/**
 * Hashes a file in the page's hashing thread (src/web/client/hash-worker.ts),
 * built next to this chunk as hash-worker.js; one thread per file, ended
 * when its answer arrives.
 */
export function sha256InWorker(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("hash-worker.js", import.meta.url), { type: "module" });
    const end = (settle: () => void) => {
      worker.terminate();
      settle();
    };
    worker.onmessage = (e: MessageEvent<{ progress?: number; sha256?: string; error?: string }>) => {
      const { progress, sha256, error } = e.data;
      if (progress !== undefined) onProgress(progress);
      else if (sha256 !== undefined) end(() => resolve(sha256));
      else end(() => reject(new Error(`The file could not be hashed: ${error}`)));
    };
    worker.onerror = (e) => end(() => reject(new Error(`The file could not be hashed: ${e.message || "the hashing thread failed"}`)));
    worker.postMessage(file);
  });
}
