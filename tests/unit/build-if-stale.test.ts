import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTime, isBuildStale } from "../../scripts/build-if-stale.mjs";

let root: string;

function file(rel: string, secondsAgo: number) {
  const p = join(root, rel);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, "x");
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(p, t, t);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bo-stale-"));
  file("app/root.tsx", 100);
  file("app/routes/_index.tsx", 100);
  file("db/migrations/index.ts", 100);
  file("remix.config.js", 100);
  file("package.json", 100);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function built(secondsAgo: number) {
  file("build/index.js", secondsAgo);
  file("public/build/manifest-ABC.js", secondsAgo);
}

describe("isBuildStale", () => {
  it("builds when there is no build", () => {
    expect(buildTime(root)).toBeNull();
    expect(isBuildStale(root)).toBe(true);
  });

  it("builds when only one of the two outputs exists", () => {
    file("build/index.js", 10);
    expect(isBuildStale(root)).toBe(true);
    rmSync(join(root, "build"), { recursive: true });
    file("public/build/manifest-ABC.js", 10);
    expect(isBuildStale(root)).toBe(true);
  });

  it("skips the build when both outputs are newer than every source", () => {
    built(10);
    expect(isBuildStale(root)).toBe(false);
  });

  it.each([
    ["a route", "app/routes/_index.tsx"],
    ["a new nested app file", "app/components/form/new-field.tsx"],
    ["a migration", "db/migrations/2026-12-01T00-00_add_x.ts"],
    ["a dependency patch", "patches/@remix-run+router+1.23.0.patch"],
    ["remix.config.js", "remix.config.js"],
    ["package.json", "package.json"],
  ])("builds again after a change to %s", (_what, rel) => {
    built(10);
    file(rel, 1);
    expect(isBuildStale(root)).toBe(true);
  });

  it("judges by the older of the two outputs", () => {
    built(10);
    file("public/build/manifest-ABC.js", 200); // the browser build is older than the sources
    expect(isBuildStale(root)).toBe(true);
  });
});
