/** formIntent: which of a page's forms was posted, or null for anything else (the route answers 400). */
import { describe, expect, it } from "vitest";
import { formIntent } from "~/http/form";

const post = (...pairs: [string, string | Blob][]) => {
  const f = new FormData();
  for (const [k, v] of pairs) f.append(k, v);
  return f;
};
const INTENTS = ["details", "activate"] as const;

describe("formIntent", () => {
  it.each([
    [post(["intent", "details"]), "details"],
    [post(["intent", "activate"], ["name", "x"]), "activate"],
    [post(["intent", "activate"], ["intent", "details"]), "activate"],
    [post(["intent", "Details"]), null],
    [post(["intent", ""]), null],
    [post(["intent", "constructor"]), null],
    [post(["name", "x"]), null],
    [post(["intent", new Blob(["details"])]), null],
  ] as const)("%#: → %s", (form, expected) => {
    expect(formIntent(form, INTENTS)).toBe(expected);
  });
});
