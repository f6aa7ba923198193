import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors";
import { MemoryBudget } from "../../src/images/budget";

const MB = 2 ** 20;

describe("MemoryBudget: a semaphore by bytes", () => {
  it("admits what fits at once and makes the rest wait for a release, in arrival order", async () => {
    const budget = new MemoryBudget(100 * MB, 8, 5_000);
    const first = await budget.acquire(60 * MB);
    const order: string[] = [];
    const second = budget.acquire(50 * MB).then((release) => (order.push("second"), release));
    const third = budget.acquire(10 * MB).then((release) => (order.push("third"), release));
    await new Promise((r) => setTimeout(r, 20));
    // The third would fit now, but it arrived after the second: no overtaking.
    expect(order).toEqual([]);
    expect(budget.inUse).toBe(60 * MB);

    first();
    (await second)();
    (await third)();

    expect(order).toEqual(["second", "third"]);
    expect(budget.inUse).toBe(0);
  });

  it("answers 503 with Retry-After when a waiter is not admitted in time", async () => {
    const budget = new MemoryBudget(100 * MB, 8, 50);
    const held = await budget.acquire(90 * MB);

    const err = await budget.acquire(20 * MB).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(503);
    expect((err as AppError).headers["Retry-After"]).toBe("5");
    held();
    expect(budget.inUse).toBe(0);
  });

  it("answers 503 at once when the queue is full", async () => {
    const budget = new MemoryBudget(10 * MB, 1, 5_000);
    const held = await budget.acquire(10 * MB);
    const waiting = budget.acquire(5 * MB);

    await expect(budget.acquire(5 * MB)).rejects.toMatchObject({ status: 503 });
    held();
    (await waiting)();
  });

  it("counts retained memory (a wasm instance that never shrinks) against every later reservation", async () => {
    const budget = new MemoryBudget(100 * MB, 8, 50);
    budget.retainAtLeast(40 * MB);
    budget.retainAtLeast(30 * MB);

    expect(budget.available).toBe(60 * MB);
    await expect(budget.acquire(70 * MB)).rejects.toMatchObject({ status: 503 });
    (await budget.acquire(60 * MB))();
  });

  it("gives a release back only once", async () => {
    const budget = new MemoryBudget(10 * MB, 8, 50);
    const release = await budget.acquire(6 * MB);
    release();
    release();
    expect(budget.inUse).toBe(0);
  });
});
