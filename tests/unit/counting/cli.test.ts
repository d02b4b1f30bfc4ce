/** The `tally` command line, spawned as a separate process (npx tsx app/cli/tally.ts …). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = (name: string): string => path.join(repoRoot, "tests/fixtures/pabulib", name);

function tally(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync("npx", ["tsx", "app/cli/tally.ts", ...args], { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(path.join(tmpdir(), "tally-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("tally CLI", () => {
  it("--json prints exactly one JSON object with the META rule's outcome", () => {
    const r = tally(fixture("Poland_Gdynia_2021_Babie_Doly__small.pb"), "--json");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ rule: "meta", selected: ["BAD/0019", "BAD/0008"], spent: "19400.00", budget: "24426.00" });
  });

  it("--rule greedy and --rule mes", () => {
    const g = tally(fixture("Poland_Gdynia_2021_Babie_Doly__small.pb"), "--rule", "greedy", "--json");
    expect(JSON.parse(g.stdout)).toEqual({ rule: "greedy", selected: ["BAD/0019", "BAD/0008", "BAD/0007"], spent: "22500.00", budget: "24426.00" });
    const m = tally(fixture("Poland_Gdynia_2021_Babie_Doly__small.pb"), "--rule=mes", "--json");
    expect(JSON.parse(m.stdout).selected).toEqual(["BAD/0019", "BAD/0005", "BAD/0007"]);
  });

  it("prints a readable table without --json, with every project and its decision", () => {
    const r = tally(fixture("Poland_Krakow_2022_Czyzyny.pb"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("rule: meta (META: greedy) → greedy");
    expect(r.stdout).toMatch(/budget 1548961\.00\s+spent 1540380\.00/);
    expect(r.stdout).toMatch(/\b26\s+Czyżyńska akademia fotografii.*12000\.00\s+40\s+lost_tie\s+\(tied with 24\)/);
    expect(r.stdout).toContain("greedy score 40: 24, 26");
    expect(r.stdout.split("\n").filter((l) => /^\s+\d+\s{2}/.test(l))).toHaveLength(22);
  });

  it("exits 1 with a clear message for a missing file", () => {
    const r = tally(path.join(tmp, "nope.pb"), "--json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/cannot read .*nope\.pb.*no such file/);
  });

  it("exits 1 with a clear message for a file that is not Pabulib", () => {
    const bad = path.join(tmp, "bad.pb");
    writeFileSync(bad, "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\nx;12.345\nVOTES\nvoter_id;vote\n");
    const r = tally(bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a valid Pabulib file \(bad_cost\): line 6/);
  });

  it("exits 2 for an unknown rule or option", () => {
    const r = tally(fixture("Poland_Gdynia_2021_Babie_Doly__small.pb"), "--rule", "borda");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule 'borda'; use one of: meta, greedy, greedy-no-skip, mes/);
    expect(tally(fixture("Poland_Gdynia_2021_Babie_Doly__small.pb"), "--frobnicate").code).toBe(2);
    expect(tally().code).toBe(2);
  });
});
