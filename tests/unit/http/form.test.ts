/**
 * parseForm: what the server hands conform is only the fields the schema reads, so a refusal's reply
 * (which echoes the submission back to the page) can never carry more than the form has.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DeleteAccountInputSchema, ResetPasswordInputSchema, SignInInputSchema, SignUpInputSchema } from "~/domain/account";
import { CommentInputSchema, FlagInputSchema, HideCommentInputSchema } from "~/domain/comments";
import { DecisionInputSchema, ListCorrectionInputSchema, proposalInputSchema } from "~/domain/workflow/inputs";
import { parseForm, schemaKeys } from "~/http/form";

const fd = (pairs: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of pairs) f.append(k, v);
  return f;
};

describe("schemaKeys knows every schema the server parses forms with", () => {
  it.each(
    Object.entries({ SignInInputSchema, SignUpInputSchema, ResetPasswordInputSchema, DeleteAccountInputSchema, CommentInputSchema, DecisionInputSchema, FlagInputSchema, HideCommentInputSchema, ListCorrectionInputSchema, proposal: proposalInputSchema([]) }),
  )("%s", (_name, schema) => {
    const keys = schemaKeys(schema as z.ZodType);
    expect(keys).not.toBeNull();
    expect(keys!.size).toBeGreaterThan(0);
  });

  it("reads through unions, pipes, optionals and intersections", () => {
    const a = z.object({ a: z.string() });
    const b = z.object({ b: z.string() });
    expect([...schemaKeys(z.union([a, b]))!].sort()).toEqual(["a", "b"]);
    expect([...schemaKeys(a.transform((v) => v))!]).toEqual(["a"]);
    expect([...schemaKeys(a.optional())!]).toEqual(["a"]);
    expect([...schemaKeys(z.intersection(a, b))!].sort()).toEqual(["a", "b"]);
    expect(schemaKeys(z.string())).toBeNull();
  });
});

describe("a refusal echoes only the form's own fields", () => {
  it("drops unknown fields, keeps nested ones of known roots", () => {
    const junk: [string, string][] = Array.from({ length: 500 }, (_, i) => [`junk${i}`, "x".repeat(1000)]);
    const s = parseForm(fd([["email", "not-an-address"], ["password", "secret"], ...junk]), SignInInputSchema);
    expect(s.status).toBe("error");
    const reply = s.reply({ hideFields: ["password"] });
    expect(Object.keys(reply.initialValue ?? {}).sort()).toEqual(["email"]);
    expect(JSON.stringify(reply).length).toBeLessThan(1000);
  });

  it("keeps conform's own intent: validating one field on blur reports only that field", () => {
    const s = parseForm(fd([["email", "not-an-address"], ["__intent__", JSON.stringify({ type: "validate", payload: { name: "email" } })]]), SignInInputSchema);
    // a validate intent answers without a status: the page shows the field's error and goes on
    expect(s.reply()).toMatchObject({ intent: { type: "validate", payload: { name: "email" } } });
    expect(s.reply().status).toBeUndefined();
  });

  it("keeps indexed rows of a known array field", () => {
    const schema = z.object({ rows: z.array(z.object({ label: z.string() })) });
    const s = parseForm(fd([["rows[0].label", "a"], ["rows[1].label", "b"], ["other", "x"]]), schema);
    expect(s.status).toBe("success");
    expect(s.status === "success" && s.value).toEqual({ rows: [{ label: "a" }, { label: "b" }] });
  });
});

describe("every form parse goes through parseForm", () => {
  it("no module in app/ calls conform's parseWithZod directly", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const root = join(__dirname, "..", "..", "..", "app");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !p.endsWith(join("http", "form.ts")) && /\bparseWithZod\s*\(/.test(readFileSync(p, "utf8"))) offenders.push(p.slice(root.length + 1));
      }
    };
    walk(root);
    expect(offenders, "parse forms with parseForm (app/http/form.ts) so a refusal echoes only the form's fields").toEqual([]);
  });
});
