/**
 * The pure parts of the HTTP hardening (#11): which form field names are refused before any parser
 * sees them, where a redirect may point, how TRUST_PROXY is read, what the access log may show.
 * The server-level behaviour (every action, real requests) is tests/e2e/hostile-http.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/domain/account";
import { loggablePath } from "~/http/access-log";
import { checkFieldNames, MAX_FIELDS, MAX_INDEX, MAX_REPEATS } from "~/http/form-fields";
import { parseTrustProxy } from "~/http/trust-proxy";

describe("form field names", () => {
  it.each([
    [["email", "password", "redirectTo"]],
    [["costItems[0].label", "costItems[0].amount", `costItems[${MAX_INDEX}].label`]],
    [["checks.complete", "checks.zz", "intent"]],
    [Array.from({ length: MAX_REPEATS }, () => "tick")],
    [Array.from({ length: MAX_FIELDS }, (_, i) => `f${i}`)],
  ])("accepts what our forms send: %#", (names) => {
    expect(checkFieldNames(names)).toEqual({ ok: true });
  });

  it.each([
    [["x[150000000]"], "index_too_large"],
    [[`x[${MAX_INDEX + 1}]`], "index_too_large"],
    [["a[0].b[00000000000000001]"], "index_too_large"],
    [["__proto__"], "prototype_key"],
    [["a.__proto__.admin"], "prototype_key"],
    [["a[constructor]"], "prototype_key"],
    [["x[prototype]"], "prototype_key"],
    [["constructor.prototype.x"], "prototype_key"],
    [["a\u0000b"], "name_has_control_character"],
    [["a\u0085"], "name_has_control_character"],
    [["n".repeat(201)], "name_too_long"],
    [Array.from({ length: MAX_REPEATS + 1 }, () => "tick"), "name_repeated_too_often"],
    [Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `f${i}`), "too_many_fields"],
  ])("refuses hostile names: %#", (names, reason) => {
    expect(checkFieldNames(names)).toMatchObject({ ok: false, reason });
  });

  it("refuses any name with an index beyond the bound, wherever it stands", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: MAX_INDEX + 1, max: 2 ** 31 }), fc.string({ maxLength: 20 }), (pre, n, post) => {
        const name = `${pre.replace(/[[\]]/g, "")}[${n}]${post.replace(/[[\]]/g, "")}`;
        expect(checkFieldNames([name]).ok).toBe(false);
      }),
    );
  });

  it("stops at the first refusal: a huge list of names is not walked to its end", () => {
    let pulled = 0;
    const names = (function* () {
      for (;;) {
        pulled++;
        yield "x";
      }
    })();
    expect(checkFieldNames(names)).toMatchObject({ ok: false, reason: "name_repeated_too_often" });
    expect(pulled).toBe(MAX_REPEATS + 1);
  });
});

describe("redirect targets", () => {
  it.each([
    ["/account", "/account"],
    ["/proposals/prp_1?tab=comments", "/proposals/prp_1?tab=comments"],
    ["/districts/obłuże", "/districts/ob%C5%82u%C5%BCe"],
    ["/search?q=ąę", "/search?q=%C4%85%C4%99"],
    ["/a#frag", "/a"],
  ])("keeps a path on this site, encoded for a Location header: %s", (input, out) => {
    expect(safeRedirectPath(input)).toBe(out);
  });

  it.each([["//evil.example/x"], ["/\\evil.example"], ["https://evil.example"], ["javascript:alert(1)"], ["/\u0001x"], ["/a\r\nSet-Cookie: x=1"], ["/ x"], ["x"], [""], ["/" + "a".repeat(600)], [42], [null]])(
    "refuses anything else: %j",
    (input) => {
      expect(safeRedirectPath(input)).toBeNull();
    },
  );

  it("whatever is typed, the answer is null or a printable-ASCII path of this site", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string().map((s) => `/${s}`), fc.string({ unit: "binary" }).map((s) => `/${s}`)), (s) => {
        const out = safeRedirectPath(s);
        if (out === null) return;
        expect(out).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        expect(new URL(out, "https://bo.gdynia.pl").origin).toBe("https://bo.gdynia.pl");
        expect(() => new Headers({ Location: out })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["0", false],
    ["1", 1],
    ["2", 2],
    ["10.0.0.5", ["10.0.0.5"]],
    ["10.0.0.0/8, loopback", ["10.0.0.0/8", "loopback"]],
    ["::1,fd00::/8", ["::1", "fd00::/8"]],
  ])("%j → %j", (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  it.each([["true"], ["11"], ["10.0.0.0/33"], ["proxy.local"], ["10.0.0.1/8/1"], ["*"]])("refuses %j with a message naming TRUST_PROXY", (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});

describe("the access log's path", () => {
  it("masks an invitation's token and drops the query string", () => {
    expect(loggablePath("/invitations/AbCdEf0123456789abcdef0123456789?x=1")).toBe("/invitations/:token");
    expect(loggablePath("/reset-password?token=secret")).toBe("/reset-password");
    expect(loggablePath("/proposals/prp_1")).toBe("/proposals/prp_1");
  });
});
