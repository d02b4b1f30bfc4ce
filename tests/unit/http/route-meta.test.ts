import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pagePath, routeMetaLookup, type BuildRoute } from "~/http/route-meta.server";
import { appRouteTable } from "../../support/route-table";

const ROUTES_DIR = new URL("../../../app/routes", import.meta.url).pathname;
const meta = routeMetaLookup(appRouteTable());

describe("route metadata is read from the routes, matched as Remix matches paths", () => {
  it.each([
    ["/proposals/prp_1/attachments", { upload: "attachment" }],
    ["/proposals/prp_1/attachments.data", { upload: "attachment" }],
    ["/official/register", { upload: "register" }],
    ["/official/register.data", { upload: "register" }],
    ["/admin/editions/ed_2026", { upload: "attachment" }],
    ["/admin/editions/ed_2026/phases", {}],
    ["/proposals/new", {}],
    ["/proposals/prp_1", { cache: "public" }],
    ["/_root.data", { cache: "public", signedIn: "shared" }],
    ["/vote/bo/ballot", { cache: "voter", keepsCache: true, layout: "focused" }],
    // the voting steps hide the site navigation; the page after the vote shows it again
    ["/vote/bo", { cache: "public", signedIn: "shared", keepsCache: true, layout: "focused" }],
    ["/vote/bo/done", { keepsCache: true }],
    ["/signin", {}],
    ["/there/is/no/such/page", {}],
  ])("%s → %j", (path, expected) => {
    expect(meta(path)).toEqual(expected);
  });

  it("every route whose form posts a file declares the upload, and no other route does", () => {
    const files = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));
    // a form that can send a file says encType="multipart/form-data" (the only way a browser posts one)
    const parses = files.filter((f) => /encType="multipart\/form-data"|parseUpload\(/.test(readFileSync(join(ROUTES_DIR, f), "utf8")));
    const declares = files.filter((f) => /export const handle[^;]*upload:/.test(readFileSync(join(ROUTES_DIR, f), "utf8")));
    expect(parses.length).toBeGreaterThan(0);
    expect(declares.sort()).toEqual(parses.sort());
  });

  it("a handle with unknown values counts as none (the server never guesses)", () => {
    const routes: Record<string, BuildRoute> = {
      root: { id: "root", path: "", module: {} },
      "routes/x": { id: "routes/x", parentId: "root", path: "x", module: { handle: { upload: "everything", cache: "public" } } },
      "routes/y": { id: "routes/y", parentId: "root", path: "y", module: { handle: { cache: "public", breadcrumb: "Y" } } },
    };
    const lookup = routeMetaLookup(routes);
    expect(lookup("/x")).toEqual({});
    expect(lookup("/y")).toEqual({ cache: "public" });
  });

  it("data requests map to their page", () => {
    expect([pagePath("/_root.data"), pagePath("/a/b.data"), pagePath("/a")]).toEqual(["/", "/a/b", "/a"]);
  });
});
