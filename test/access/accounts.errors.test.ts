import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../support/blobs";
import { ADMIN_TOKEN, admin } from "../support/tokens";
import { fetchWith, wrapDb } from "../support/worker";

interface Listed {
  device_key: string | null;
  secrets: string[];
}

const CONCURRENT = 8;

/**
 * The D1 binding with a gate on batch(): no batch runs until `count` are
 * waiting (or a moment passed, so code that needs fewer never hangs). Every
 * read a request makes before its batch has then run for all of them: the
 * widest the window between a check and an insert can be.
 */
function gatedBatches(count: number): D1Database {
  let waiting = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
    setTimeout(resolve, 2_000);
  });
  return wrapDb(env.DB, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop !== "batch") return value.bind(target);
      return async (...args: unknown[]) => {
        if (++waiting >= count) open();
        await gate;
        return value.apply(target, args);
      };
    },
  });
}

function create(device: string, db?: D1Database): Promise<Response> {
  const json = { name: "racer", scopes: ["device"], device_key: device };
  if (db === undefined) return admin("/accounts", { method: "POST", json });
  const request = new Request(`${ORIGIN}/api/admin/accounts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(json),
  });
  return fetchWith(request, { DB: db });
}

async function expectOneCreated(device: string, responses: Response[]): Promise<void> {
  expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array<number>(CONCURRENT - 1).fill(409)]);
  for (const res of responses.filter((r) => r.status === 409)) {
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(((await res.json()) as { detail: string }).detail).toContain(device);
  }
  const { accounts } = (await (await admin("/accounts")).json()) as { accounts: Listed[] };
  const bound = accounts.filter((a) => a.device_key === device);
  expect(bound).toHaveLength(1);
  expect(bound[0]!.secrets).toHaveLength(1);
}

describe("POST /api/admin/accounts: one account per device", () => {
  it("lets exactly one of many concurrent creations for one device through; the rest get 409, none a 5xx", async () => {
    for (let round = 0; round < 3; round++) {
      const device = `race-${crypto.randomUUID()}`;
      await expectOneCreated(device, await Promise.all(Array.from({ length: CONCURRENT }, () => create(device))));
    }
  });

  it("still answers 409, not 500, when every request has looked before any has inserted", async () => {
    const device = `race-${crypto.randomUUID()}`;
    const db = gatedBatches(CONCURRENT);
    await expectOneCreated(device, await Promise.all(Array.from({ length: CONCURRENT }, () => create(device, db))));
  });
});
