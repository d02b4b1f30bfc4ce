/**
 * The server's route matching is patched (patches/@remix-run+router+*.patch, applied by
 * `patch-package` after every install): compiled route patterns and ranked route branches are
 * cached. This checks the patch is in place and that matching still gives the right routes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "districts", path: "districts" },
      { id: "district", path: "districts/:slug" },
      { id: "proposal", path: "proposals/:id" },
      { id: "proposal-new", path: "proposals/new" },
      { id: "ballot", path: "vote/:kind/ballot" },
      { id: "splat", path: "*" },
    ],
  },
];

const ids = (path: string) => router.matchRoutes(routes, path)?.map((m) => m.route.id);

describe("patched route matching", () => {
  it("is applied to the installed @remix-run/router (run `npm install` if this fails)", () => {
    const source = readFileSync(require.resolve("@remix-run/router"), "utf8");
    expect(source).toContain("BO Gdynia patch");
  });

  it("still picks the best-ranked route, with params, the same on every call", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids("/")).toEqual(["root", "home"]);
      expect(ids("/districts")).toEqual(["root", "districts"]);
      expect(ids("/proposals/new")).toEqual(["root", "proposal-new"]); // static beats dynamic
      expect(ids("/proposals/prp_1")).toEqual(["root", "proposal"]);
      expect(ids("/vote/bo/ballot")).toEqual(["root", "ballot"]);
      expect(ids("/nowhere/at/all")).toEqual(["root", "splat"]);
      expect(router.matchRoutes(routes, "/districts/Oksywie")?.at(-1)?.params).toEqual({ slug: "Oksywie" });
      expect(router.matchPath({ path: "/vote/:kind/ballot", end: true }, "/VOTE/bo/ballot")?.params).toEqual({ kind: "bo" });
    }
  });

  it("gives every route tree its own ranking", () => {
    const other = [{ id: "only", path: "districts/:slug" }];
    expect(router.matchRoutes(other, "/districts")).toBeNull();
    expect(ids("/districts")).toEqual(["root", "districts"]);
  });
});
