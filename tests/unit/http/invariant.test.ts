/**
 * The one refusal path of loaders and actions: invariantResponse / requireParam throw a Response
 * with the right status (404 by default) and text, and let through exactly what the schema accepts.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ID_PATTERN, idSchema } from "~/domain/ids";
import { httpError, invariantResponse, requireParam, TEXT_PLAIN, YearParam } from "~/http/invariant";

async function thrown(f: () => unknown): Promise<Response> {
  try {
    f();
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("nothing was thrown");
}

describe("invariantResponse", () => {
  it.each([
    [undefined, 404, "Not found"],
    [404, 404, "Not found"],
    [403, 403, "Forbidden"],
    [400, 400, "Bad request"],
  ] as const)("a falsy condition with status %s throws %s %s", async (status, code, text) => {
    const r = await thrown(() => invariantResponse(null, status));
    expect(r.status).toBe(code);
    expect(await r.text()).toBe(text);
  });

  it.each([0, "", null, undefined, false])("%j is refused", async (v) => {
    expect((await thrown(() => invariantResponse(v))).status).toBe(404);
  });

  it.each([1, "x", {}, [], true])("%j passes", (v) => {
    expect(() => invariantResponse(v, 403)).not.toThrow();
  });

  it("keeps a message and headers", async () => {
    const r = await thrown(() => invariantResponse(false, 404, "gone", TEXT_PLAIN));
    expect(await r.text()).toBe("gone");
    expect(r.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(httpError(409).status).toBe(409);
  });
});

describe("requireParam", () => {
  it.each(["p_2026_1", "ed_2026", "A-b_9", "x".repeat(100)])("accepts the id %s", (id) => {
    expect(requireParam({ id }, "id")).toBe(id);
  });

  it.each([undefined, "", "x".repeat(101), "a b", "a/b", "a.b", "ą", "<script>", "1;drop"])("answers 404 to the id %j", async (id) => {
    const r = await thrown(() => requireParam({ id }, "id"));
    expect(r.status).toBe(404);
  });

  it("reads the named param with the given schema", async () => {
    expect(requireParam({ year: "2026" }, "year", YearParam)).toBe(2026);
    expect((await thrown(() => requireParam({ year: "1999" }, "year", YearParam))).status).toBe(404);
    expect((await thrown(() => requireParam({ id: "2026" }, "year", YearParam))).status).toBe(404);
    const kind = requireParam({ kind: "youth" }, "kind", z.enum(["youth", "children"]));
    expect(kind).toBe("youth");
  });

  it("passes headers to the 404", async () => {
    const r = await thrown(() => requireParam({ id: "../x" }, "id", idSchema(), TEXT_PLAIN));
    expect(r.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
  });
});

describe("idSchema", () => {
  it("carries the form's message key", () => {
    const r = idSchema("review.error.proposal").safeParse("a b");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("review.error.proposal");
    expect(ID_PATTERN.test("a".repeat(100))).toBe(true);
  });
});
