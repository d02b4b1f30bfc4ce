import { describe, expect, it } from "vitest";
import { memoPerRequest, withRequestMemo } from "~/http/request-memo.server";

function counter() {
  let calls = 0;
  return { load: async () => ++calls, calls: () => calls };
}

describe("memoPerRequest", () => {
  it("loads once per GET request and shares the answer", async () => {
    const c = counter();
    const [a, b] = await withRequestMemo("GET", async () => [await memoPerRequest("k", c.load), await memoPerRequest("k", c.load)]);
    expect([a, b, c.calls()]).toEqual([1, 1, 1]);
  });

  it("starts afresh for the next request", async () => {
    const c = counter();
    await withRequestMemo("GET", () => memoPerRequest("k", c.load));
    const second = await withRequestMemo("GET", () => memoPerRequest("k", c.load));
    expect(second).toBe(2);
  });

  it("keeps nothing in a POST (an action may change what it would return)", async () => {
    const c = counter();
    await withRequestMemo("POST", async () => {
      await memoPerRequest("k", c.load);
      await memoPerRequest("k", c.load);
    });
    expect(c.calls()).toBe(2);
  });

  it("a POST inside a GET's context still gets no memo", async () => {
    const c = counter();
    await withRequestMemo("GET", () => withRequestMemo("POST", async () => {
      await memoPerRequest("k", c.load);
      await memoPerRequest("k", c.load);
    }));
    expect(c.calls()).toBe(2);
  });

  it("does not keep a failure", async () => {
    let n = 0;
    const flaky = async () => {
      n += 1;
      if (n === 1) throw new Error("database busy");
      return n;
    };
    const got = await withRequestMemo("GET", async () => {
      await expect(memoPerRequest("k", flaky)).rejects.toThrow("database busy");
      return memoPerRequest("k", flaky);
    });
    expect(got).toBe(2);
  });

  it("memoises nothing outside a request", async () => {
    const c = counter();
    await memoPerRequest("k", c.load);
    await memoPerRequest("k", c.load);
    expect(c.calls()).toBe(2);
  });
});
