/**
 * Runs fast-check properties and counts the generated inputs, so each property file can say at the
 * end how many inputs it tried (issue #7). `check` fails the test with fast-check's own report
 * (counterexample, seed, shrunk path) when a property fails.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll } from "vitest";

// test files run in worker processes of one vitest process: they add their counts to one small
// file named after it, so the last file to finish prints the total of the whole property suite
const RUN_FILE = join(tmpdir(), `bo-property-inputs-${process.ppid}.txt`);

export const RUNS = Number(process.env.PROPERTY_RUNS) || 200;

export function counter(group: string) {
  let total = 0;
  let properties = 0;
  afterAll(() => {
    appendFileSync(RUN_FILE, `${total}\n`);
    const lines = readFileSync(RUN_FILE, "utf8").trim().split("\n");
    const all = lines.reduce((s, l) => s + Number(l), 0);
    console.log(`properties (${group}): ${total} generated inputs over ${properties} properties; all property files so far in this run: ${all} inputs (${lines.length} files)`);
  });
  return {
    check<Ts>(property: fc.IProperty<Ts>, numRuns = RUNS): void {
      const details = fc.check(property, { numRuns });
      total += details.numRuns;
      properties++;
      if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? "property failed");
    },
    get total() {
      return total;
    },
  };
}
