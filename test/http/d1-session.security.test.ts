import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { API_TOKEN } from "../support/api";
import { ORIGIN } from "../support/blobs";
import { fetchWith, recordingDb } from "../support/worker";

const BOOKMARK = /^[0-9a-f]{8}(-[0-9a-f]{8,64}){1,7}$/;
const VALID = "00000000-00000001-00000000-00000000000000000000000000000000";

/** GET /api/parts with this bookmark header: the sessions it opened and its answer. */
async function readWith(header: string): Promise<{ res: Response; sessions: string[] }> {
  const { db, sessions } = recordingDb();
  const request = new Request(`${ORIGIN}/api/parts`, { headers: { Authorization: `Bearer ${API_TOKEN}`, "x-d1-bookmark": header } });
  const res = await fetchWith(request, { DB: db });
  return { res, sessions };
}

describe("a bookmark header D1 never gave out", () => {
  it.each([
    ["garbage", "not-a-bookmark"],
    ["a constraint name", "first-primary"],
    ["SQL-looking text", "00000000-00000001'; DROP TABLE parts; --"],
    ["non-hex groups", "0000000g-00000001-00000000-00000000000000000000000000000000"],
    ["an over-long value of bookmark shape", `00000000${`-${"f".repeat(64)}`.repeat(7)}`],
    ["an over-long value", "a".repeat(8000)],
  ])("is ignored (%s): the read starts anywhere and answers a fresh bookmark", async (_, header) => {
    const { res, sessions } = await readWith(header);

    expect(res.status).toBe(200);
    expect(sessions).toEqual(["first-unconstrained"]);
    const answered = res.headers.get("x-d1-bookmark");
    expect(answered).toMatch(BOOKMARK);
    expect(answered).not.toBe(header);
  });

  it("is passed on when it has D1's shape", async () => {
    const { res, sessions } = await readWith(VALID);
    expect(res.status).toBe(200);
    expect(sessions).toEqual([VALID]);
  });
});

describe("CORS and the bookmark", () => {
  it("allows the request header and exposes the answer's to an allowed origin", async () => {
    const preflight = await SELF.fetch(`${ORIGIN}/api/parts`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://inventory.test",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization, x-d1-bookmark",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("x-d1-bookmark");

    const res = await SELF.fetch(`${ORIGIN}/api/parts`, { headers: { Origin: "https://inventory.test", Authorization: `Bearer ${API_TOKEN}` } });
    expect(res.headers.get("Access-Control-Expose-Headers")?.toLowerCase()).toContain("x-d1-bookmark");
  });

  it("allows it on the public reads too", async () => {
    const preflight = await SELF.fetch(`${ORIGIN}/api/cas/${"a".repeat(64)}`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.test", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "x-d1-bookmark" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("x-d1-bookmark");
  });
});
