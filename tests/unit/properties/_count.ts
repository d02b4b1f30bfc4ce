/**
 * Runs fast-check properties and counts the generated inputs, so each property file can say at the
 * end how many inputs it tried (issue #7). `check` fails the test with fast-check's own report
 * (counterexample, seed, shrunk path) when a property fails.
 */
import fc from "fast-check";
import { afterAll } from "vitest";

export const RUNS = Number(process.env.PROPERTY_RUNS) || 200;

export function counter(group: string) {
  let total = 0;
  let properties = 0;
  afterAll(() => {
    console.log(`properties (${group}): ${total} generated inputs over ${properties} properties`);
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
