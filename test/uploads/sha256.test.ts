import { describe, expect, it } from "vitest";
import { ResumableSha256 } from "../../src/uploads/sha256";
import { randomBytes, sha256 } from "../support/blobs";

describe("the resumable SHA-256", () => {
  it("matches WebCrypto when the state is saved and loaded between every piece", async () => {
    const bytes = randomBytes(200_000);
    let state: Uint8Array | undefined;
    // Odd piece sizes cross the 64-byte block and the 16 KiB input window at awkward places.
    for (let offset = 0; offset < bytes.length; offset += 33_333) {
      const hasher = await ResumableSha256.start(state);
      hasher.update(bytes.subarray(offset, offset + 33_333));
      state = hasher.save().slice();
    }
    expect((await ResumableSha256.start(state)).digestHex()).toBe(await sha256(bytes));
  });

  it("hashes nothing to the empty digest", async () => {
    expect((await ResumableSha256.start()).digestHex()).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("refuses a state from another build", async () => {
    const state = (await ResumableSha256.start()).save().slice();
    state[0] = 0;
    await expect(ResumableSha256.start(state)).rejects.toThrow(/another hashing build/);
    await expect(ResumableSha256.start(state.subarray(0, 10))).rejects.toThrow(/another hashing build/);
  });
});
