import { describe, expect, it } from "vitest";
import { ByteReader } from "../../src/blobs/byte-reader";
import { readRest, watchedBody } from "../support/streams";

const chunk = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe("ByteReader", () => {
  it("hands out exactly the bytes asked for across chunk boundaries", async () => {
    const { body } = watchedBody([chunk(3, 1), chunk(3, 2), chunk(3, 3)]);
    const reader = new ByteReader(body.getReader());
    expect(await reader.need(5)).toBe(true);
    expect(reader.take(5)).toEqual(new Uint8Array([1, 1, 1, 2, 2]));
    expect(reader.position).toBe(5);
    expect(await reader.takeUpTo(10)).toEqual(new Uint8Array([2]));
    expect(await reader.rest(3)).toEqual(new Uint8Array([3, 3, 3]));
    expect(await reader.takeUpTo(1)).toBeNull();
  });

  it("refuses a stream past its limit with the caller's error", async () => {
    const { body } = watchedBody([chunk(4, 0), chunk(4, 0)]);
    const reader = new ByteReader(body.getReader(), { maxBytes: 6 });
    await expect(reader.need(8)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("answers null when more than `max` bytes are left", async () => {
    const { body } = watchedBody([chunk(4, 0), chunk(4, 0)]);
    expect(await new ByteReader(body.getReader()).rest(7)).toBeNull();
  });

  it("lets go of a stream without cancelling it: the unread rest can still be read", async () => {
    const { body, cancelled } = watchedBody([chunk(4, 0), chunk(4, 0), chunk(4, 0)]);
    const reader = new ByteReader(body.getReader());
    await reader.need(2);
    reader.release();
    expect(cancelled()).toBe(false);
    expect(await readRest(body)).toBe(8);
  });
});
